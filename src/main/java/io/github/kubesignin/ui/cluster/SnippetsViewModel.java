package io.github.kubesignin.ui.cluster;

import io.github.kubesignin.cluster.ApiServerFlags;
import io.github.kubesignin.cluster.ApiServerOidc;
import io.github.kubesignin.cluster.AuthenticationConfig;
import io.github.kubesignin.cluster.KindConfig;
import io.github.kubesignin.cluster.MappedUser;
import io.github.kubesignin.cluster.MinikubeCommand;
import io.github.kubesignin.cluster.RbacBinding;
import io.github.kubesignin.cluster.Snippet;
import io.github.kubesignin.cluster.Verdict;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.token.DecodedJwt;
import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.ErrorText;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cluster admin's configuration for the selected profile, generated as {@code kubesignin cluster-config}
 * does; RBAC names the user (or one of the groups) the judged token maps to, prefixes included.
 */
public final class SnippetsViewModel {
    /** Roles offered first; any other name gets a custom read-only ClusterRole. */
    public static final List<String> ROLES = List.of("view", "edit", "admin", "cluster-admin", "oidc-reader");

    private final AppModel model;
    private final ClusterSetupViewModel verdict;
    private final ObjectProperty<SnippetFormat> format = new SimpleObjectProperty<>(SnippetFormat.FLAGS);
    private final StringProperty role = new SimpleStringProperty("view");
    private final ObjectProperty<RbacBinding.SubjectKind> subjectKind = new SimpleObjectProperty<>(RbacBinding.SubjectKind.User);
    private final StringProperty subject = new SimpleStringProperty("");
    private final ObservableList<String> subjectSuggestions = FXCollections.observableArrayList();
    private final StringProperty namespace = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty whereItGoes = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public SnippetsViewModel(AppModel model, ClusterSetupViewModel verdict) {
        this.model = model;
        this.verdict = verdict;
        verdict.decodedProperty().addListener((obs, old, now) -> suggestSubjects());
        subjectKind.addListener((obs, old, now) -> suggestSubjects());
        model.selectedProperty().addListener((obs, old, now) -> generate());
        // change listeners, not invalidation ones: generate() does not read every input, so they would stay invalid
        format.addListener((obs, old, now) -> generate());
        for (StringProperty input : List.of(role, subject, namespace)) {
            input.addListener((obs, old, now) -> generate());
        }
        suggestSubjects();
    }

    /** The mapped user, or the mapped groups, of the judged token: what the API server will call them. */
    private void suggestSubjects() {
        Optional<Profile> profile = model.selected();
        DecodedJwt jwt = verdict.decodedProperty().get();
        Optional<MappedUser> identity = profile.isEmpty() || jwt == null ? Optional.empty()
                : Verdict.identity(jwt, ApiServerOidc.of(profile.get()));
        subjectSuggestions.setAll(identity.map(user -> subjectKind.get() == RbacBinding.SubjectKind.User
                ? List.of(user.username()) : user.groups()).orElse(List.of()));
        subject.set(subjectSuggestions.isEmpty() ? "" : subjectSuggestions.get(0));
        generate();
    }

    private void generate() {
        title.set("");
        whereItGoes.set("");
        text.set("");
        notes.set("");
        error.set("");
        Optional<Profile> profile = model.selected();
        if (profile.isEmpty()) {
            error.set("Choose a profile: the configuration comes from its cluster settings.");
            return;
        }
        Snippet snippet;
        try {
            snippet = snippet(ApiServerOidc.of(profile.get()));
        } catch (RuntimeException failure) {
            error.set(ErrorText.of(failure));
            return;
        }
        if (snippet == null) {
            return;
        }
        title.set(snippet.title());
        whereItGoes.set(snippet.whereItGoes());
        text.set(snippet.text());
        notes.set(String.join("\n", snippet.notes().stream().map(note -> "Note: " + note).toList()));
    }

    /** Null when RBAC has no subject yet; the error says what is missing. */
    private Snippet snippet(ApiServerOidc settings) {
        return switch (format.get()) {
            case FLAGS -> ApiServerFlags.snippet(settings);
            case MINIKUBE -> MinikubeCommand.snippet(settings);
            case KIND -> KindConfig.snippet(settings);
            case AUTHN_V1 -> AuthenticationConfig.snippet(settings, AuthenticationConfig.Version.V1);
            case AUTHN_V1BETA1 -> AuthenticationConfig.snippet(settings, AuthenticationConfig.Version.V1BETA1);
            case RBAC -> rbac();
        };
    }

    private Snippet rbac() {
        String who = subject.get() == null ? "" : subject.get().strip();
        String roleName = role.get() == null ? "" : role.get().strip();
        if (who.isEmpty()) {
            error.set(subjectKind.get() == RbacBinding.SubjectKind.User
                    ? "No user to bind: judge a token above (it names the user as the cluster maps it), or type one."
                    : "No group to bind: judge a token with groups above, or type one as the cluster sees it (prefix included).");
            return null;
        }
        if (roleName.isEmpty()) {
            error.set("Choose a role to bind.");
            return null;
        }
        String ns = namespace.get() == null || namespace.get().isBlank() ? null : namespace.get().strip();
        return RbacBinding.snippet(new RbacBinding.Request(subjectKind.get(), who, roleName, ns));
    }

    public ObjectProperty<SnippetFormat> formatProperty() { return format; }
    public StringProperty roleProperty() { return role; }
    public ObjectProperty<RbacBinding.SubjectKind> subjectKindProperty() { return subjectKind; }
    public StringProperty subjectProperty() { return subject; }
    public ObservableList<String> subjectSuggestions() { return subjectSuggestions; }
    public StringProperty namespaceProperty() { return namespace; }
    public StringProperty titleProperty() { return title; }
    public StringProperty whereItGoesProperty() { return whereItGoes; }
    public StringProperty textProperty() { return text; }
    public StringProperty notesProperty() { return notes; }
    public StringProperty errorProperty() { return error; }
}
