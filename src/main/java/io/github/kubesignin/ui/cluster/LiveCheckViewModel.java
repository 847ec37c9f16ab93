package io.github.kubesignin.ui.cluster;

import io.github.kubesignin.cluster.ClusterTarget;
import io.github.kubesignin.cluster.LiveResult;
import io.github.kubesignin.cluster.SelfSubjectReview;
import io.github.kubesignin.cluster.Verdict;
import io.github.kubesignin.kubeconfig.KubeconfigDocument;
import io.github.kubesignin.kubeconfig.KubeconfigLocator;
import io.github.kubesignin.profile.ClusterSettings;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.BackgroundWork;
import io.github.kubesignin.ui.common.ErrorText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Asks the cluster of a kubeconfig context who the judged token belongs to (a SelfSubjectReview, as
 * {@code kubectl auth whoami} and {@code kubesignin doctor --context} do), and says the answer in words.
 */
public final class LiveCheckViewModel {
    private final AppModel model;
    private final BackgroundWork work;
    private final ClusterSetupViewModel verdict;
    private final StringProperty kubeconfigFile = new SimpleStringProperty("");
    private final StringProperty context = new SimpleStringProperty("");
    private final ObjectProperty<LiveResult> result = new SimpleObjectProperty<>();
    private final StringProperty answer = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private BackgroundWork.Running job;

    public LiveCheckViewModel(AppModel model, ClusterSetupViewModel verdict) {
        this.model = model;
        this.work = model.work();
        this.verdict = verdict;
        model.selectedProperty().addListener((obs, old, now) -> fill(now));
        verdict.decodedProperty().addListener((obs, old, now) -> clearAnswer()); // an answer about another token would mislead
        fill(model.selectedProperty().get());
    }

    /** The fields as doctor defaults them: the profile's remembered kubeconfig and context, else kubectl's file. */
    private void fill(Profile profile) {
        ClusterSettings remembered = profile == null ? ClusterSettings.NONE : profile.cluster();
        kubeconfigFile.set(KubeconfigLocator.resolve(Optional.ofNullable(remembered.kubeconfig()), model.app().environment(),
                model.app().directories().home()).toString());
        context.set(remembered.context() == null ? "" : remembered.context());
        clearAnswer();
    }

    /** Reads the context's cluster and sends it the token, in the background. */
    public void check() {
        clearAnswer();
        Verdict judged = verdict.verdictProperty().get();
        if (judged == null || verdict.decodedProperty().get() == null) {
            error.set("Judge a token first: the live check sends that token to the cluster.");
            return;
        }
        if (kubeconfigFile.get().isBlank()) {
            error.set("Choose the kubeconfig file with the cluster's context.");
            return;
        }
        String token = verdict.decodedProperty().get().raw();
        Path file = Path.of(kubeconfigFile.get().strip());
        String contextName = context.get().strip();
        running.set(true);
        job = work.start(() -> {
            ClusterTarget target = target(file, contextName);
            return new Answer(target, new SelfSubjectReview(model.app().httpSettings()).check(target, token, judged));
        }, done -> {
            running.set(false);
            result.set(done.result());
            answer.set(inWords(done));
        }, failure -> {
            running.set(false);
            error.set(ErrorText.of(failure));
        });
    }

    private static ClusterTarget target(Path file, String contextName) throws java.io.IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return ClusterTarget.fromKubeconfig(KubeconfigDocument.parse(text, file.toString()), file, contextName);
    }

    private record Answer(ClusterTarget target, LiveResult result) {
    }

    private static String inWords(Answer answer) {
        LiveResult result = answer.result();
        StringBuilder text = new StringBuilder("Context '" + answer.target().context() + "' (" + answer.target().server() + "): "
                + result.summary() + ".");
        if (result instanceof LiveResult.Unauthorized unauthorized && !unauthorized.likelyCauses().isEmpty()) {
            text.append("\nLikely causes:");
            unauthorized.likelyCauses().forEach(cause -> text.append("\n• ").append(cause));
        }
        if (result instanceof LiveResult.Forbidden) {
            text.append("\nThe cluster knows who you are; a cluster admin has to bind a role: send them the RBAC snippet below.");
        }
        return text.toString();
    }

    private void clearAnswer() {
        if (job != null) {
            job.cancel();
        }
        running.set(false);
        result.set(null);
        answer.set("");
        error.set("");
    }

    public StringProperty kubeconfigFileProperty() { return kubeconfigFile; }
    public StringProperty contextProperty() { return context; }
    public ObjectProperty<LiveResult> resultProperty() { return result; }
    public StringProperty answerProperty() { return answer; }
    public BooleanProperty runningProperty() { return running; }
    public StringProperty errorProperty() { return error; }
}
