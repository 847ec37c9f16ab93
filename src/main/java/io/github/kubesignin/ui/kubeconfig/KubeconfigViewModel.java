package io.github.kubesignin.ui.kubeconfig;

import io.github.kubesignin.kubeconfig.KubeconfigLocator;
import io.github.kubesignin.kubeconfig.KubeconfigMode;
import io.github.kubesignin.kubeconfig.KubeconfigSetup;
import io.github.kubesignin.profile.ClusterSettings;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.BackgroundWork;
import io.github.kubesignin.ui.common.ErrorText;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Writing the profile's user (and cluster and context) into a kubeconfig through {@code KubeconfigSetup}, the
 * use case behind {@code kubesignin kubeconfig write}: a dry run shows the diff, the write keeps a backup.
 */
public final class KubeconfigViewModel {
    private final AppModel model;
    private final BackgroundWork work;
    private final StringProperty file = new SimpleStringProperty("");
    private final ObjectProperty<KubeconfigMode> mode = new SimpleObjectProperty<>(KubeconfigMode.EXEC);
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty context = new SimpleStringProperty("");
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty certificateAuthority = new SimpleStringProperty("");
    private final BooleanProperty setCurrentContext = new SimpleBooleanProperty(true);
    private final StringProperty modeWarning = new SimpleStringProperty("");
    private final StringProperty diff = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private BackgroundWork.Running running;

    public KubeconfigViewModel(AppModel model) {
        this.model = model;
        this.work = model.work();
        model.selectedProperty().addListener((obs, old, now) -> {
            boolean sameProfile = old != null && now != null && old.name().equals(now.name());
            fill(now, !sameProfile);
        });
        mode.addListener((obs, old, now) -> modeWarning.set(warningFor(now)));
        for (var field : java.util.List.of(file, user, context, server, certificateAuthority)) {
            field.addListener((obs, old, now) -> diff.set("")); // a preview of other settings would mislead
        }
        mode.addListener((obs, old, now) -> diff.set(""));
        fill(model.selectedProperty().get(), true);
    }

    /** The fields as the command line would default them: the profile's remembered settings, else kubectl's file. */
    private void fill(Profile profile, boolean clearOutcome) {
        if (clearOutcome) {
            outcome.set("");
            error.set("");
        }
        ClusterSettings remembered = profile == null ? ClusterSettings.NONE : profile.cluster();
        file.set(KubeconfigLocator.resolve(Optional.ofNullable(remembered.kubeconfig()), model.app().environment(),
                model.app().directories().home()).toString());
        mode.set(remembered.mode() == null ? KubeconfigMode.EXEC : KubeconfigMode.fromWord(remembered.mode()));
        user.set(remembered.user() != null ? remembered.user() : profile == null ? "" : profile.name());
        context.set(text(remembered.context()));
        server.set(text(remembered.server()));
        certificateAuthority.set(remembered.certificateAuthority() == null ? "" : remembered.certificateAuthority().toString());
        modeWarning.set(warningFor(mode.get()));
        diff.set("");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static String warningFor(KubeconfigMode mode) {
        return switch (mode) {
            case EXEC -> "";
            case AUTH_PROVIDER -> "warning: auth-provider writes the client secret (if any), the id_token and the refresh token into"
                    + " the file in plain text: anyone who can read the file can act as you. Prefer exec.";
            case TOKEN -> "warning: token writes the current id_token into the file in plain text, and it stops working when"
                    + " it expires. Prefer exec, which renews it.";
        };
    }

    /** Shows exactly what would change, secrets hidden, without writing. */
    public void preview() {
        run(true);
    }

    /** Writes after a backup, atomically; then shows where the backup went. */
    public void write() {
        run(false);
    }

    private void run(boolean dryRun) {
        Profile profile = model.selected().orElse(null);
        error.set("");
        outcome.set("");
        if (profile == null) {
            error.set("Choose a profile first.");
            return;
        }
        if (file.get().isBlank()) {
            error.set("Choose the kubeconfig file to write.");
            return;
        }
        KubeconfigSetup.Request request = new KubeconfigSetup.Request(profile.name(), chosenFile(profile),
                Optional.of(mode.get()), given(user), given(context), given(server), given(certificateAuthority).map(Path::of),
                Optional.empty(), setCurrentContext.get(), dryRun);
        busy.set(true);
        running = work.start(() -> model.app().kubeconfigSetup().write(request), result -> {
            busy.set(false);
            if (!dryRun) {
                model.reloadProfiles(); // the profile now remembers these settings; this refills the fields
                outcome.set(describe(result));
            }
            diff.set(result.shownDiff().isEmpty() ? "(no change: the file already has exactly this)" : result.shownDiff());
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.of(failure));
        });
    }

    /** Empty while the file is kubectl's default and none was chosen before, so the profile keeps following $KUBECONFIG. */
    private Optional<Path> chosenFile(Profile profile) {
        Path chosen = Path.of(file.get().strip());
        Path kubectlDefault = KubeconfigLocator.resolve(Optional.empty(), model.app().environment(), model.app().directories().home());
        return chosen.equals(kubectlDefault) && profile.cluster().kubeconfig() == null ? Optional.empty() : Optional.of(chosen);
    }

    static String describe(KubeconfigSetup.Outcome result) {
        StringBuilder text = new StringBuilder();
        text.append(result.written() ? "Wrote" : "Nothing to write for").append(" user '").append(result.user()).append('\'');
        result.context().ifPresent(name -> text.append(" and context '").append(name).append('\''));
        text.append(" in ").append(result.file()).append('.');
        text.append(result.backup().map(backup -> " Backup of the previous file: " + backup + ".")
                .orElse(result.written() ? " No backup: the file was new." : ""));
        result.staticToken().ifPresent(token -> text.append(" The token in it expires ").append(token.expiry()).append('.'));
        return text.toString();
    }

    private static Optional<String> given(StringProperty field) {
        return Optional.of(field.get().strip()).filter(s -> !s.isEmpty());
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
        }
        busy.set(false);
    }

    public StringProperty fileProperty() { return file; }
    public ObjectProperty<KubeconfigMode> modeProperty() { return mode; }
    public StringProperty userProperty() { return user; }
    public StringProperty contextProperty() { return context; }
    public StringProperty serverProperty() { return server; }
    public StringProperty certificateAuthorityProperty() { return certificateAuthority; }
    public BooleanProperty setCurrentContextProperty() { return setCurrentContext; }
    public StringProperty modeWarningProperty() { return modeWarning; }
    public StringProperty diffProperty() { return diff; }
    public StringProperty outcomeProperty() { return outcome; }
    public StringProperty errorProperty() { return error; }
    public BooleanProperty busyProperty() { return busy; }
}
