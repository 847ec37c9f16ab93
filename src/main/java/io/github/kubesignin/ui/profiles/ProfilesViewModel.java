package io.github.kubesignin.ui.profiles;

import io.github.kubesignin.oidc.ProviderInfo;
import io.github.kubesignin.profile.ApiServerSettings;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.ClusterSettings;
import io.github.kubesignin.profile.InvalidProfileException;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.ProfileValidator;
import io.github.kubesignin.profile.SignInMethod;
import io.github.kubesignin.profile.SignInSettings;
import io.github.kubesignin.reminder.ReminderSettings;
import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.BackgroundWork;
import io.github.kubesignin.ui.common.ErrorText;
import io.github.kubesignin.ui.reminder.ReminderSettingsViewModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profile form: every setting of {@code profile add}, validated as it is typed, discovered, saved and removed
 * through the same {@code ProfileService} and {@code OidcClient} as the command line.
 */
public final class ProfilesViewModel {
    public static final String NAME = "name";
    public static final String ISSUER = "issuer";
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_SECRET = "clientSecret";
    public static final String SCOPES = "scopes";
    public static final String PARAMETERS = "parameters";
    public static final String CA_FILE = "caFile";
    public static final String REDIRECT_PORT = "redirectPort";
    public static final String GENERAL = "general";

    private final AppModel model;
    private final BackgroundWork work;
    private final ReminderSettingsViewModel reminder;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty issuer = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private final ObjectProperty<ClientAuthentication> authentication = new SimpleObjectProperty<>(ClientAuthentication.PUBLIC);
    private final StringProperty clientSecret = new SimpleStringProperty("");
    private final StringProperty scopes = new SimpleStringProperty("");
    private final StringProperty extraParameters = new SimpleStringProperty("");
    private final StringProperty usernameClaim = new SimpleStringProperty("");
    private final StringProperty groupsClaim = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final ObjectProperty<SignInMethod> signInMethod = new SimpleObjectProperty<>(SignInMethod.PASSWORD);
    private final StringProperty redirectPort = new SimpleStringProperty("");
    /** Why discovery rules a method out, per method; empty until Discover ran for this issuer. */
    private final javafx.collections.ObservableMap<SignInMethod, String> methodProblems = FXCollections.observableHashMap();
    private final StringProperty methodNote = new SimpleStringProperty(NOT_DISCOVERED);
    static final String NOT_DISCOVERED = "Discover checks which sign-in methods the issuer offers.";
    private final Map<String, StringProperty> messages = new LinkedHashMap<>();

    private final ObjectProperty<Profile> editing = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty discovery = new SimpleStringProperty("");
    private final ObservableList<String> discoveryWarnings = FXCollections.observableArrayList();
    private BackgroundWork.Running running;

    public ProfilesViewModel(AppModel model) {
        this.model = model;
        this.work = model.work();
        this.reminder = new ReminderSettingsViewModel(model.app().reminderSettings());
        for (String field : List.of(NAME, ISSUER, CLIENT_ID, CLIENT_SECRET, SCOPES, PARAMETERS, CA_FILE, REDIRECT_PORT, GENERAL)) {
            messages.put(field, new SimpleStringProperty(""));
        }
        newProfile();
        for (var field : List.of(name, issuer, clientId, scopes, extraParameters, caFile, clientSecret, redirectPort)) {
            field.addListener((obs, old, now) -> validate());
        }
        authentication.addListener((obs, old, now) -> validate());
        signInMethod.addListener((obs, old, now) -> validate());
        issuer.addListener((obs, old, now) -> forgetMethodsOffered()); // another issuer may offer other methods
    }

    /** Empties the form for a new profile, with the command line's defaults. */
    public void newProfile() {
        editing.set(null);
        fill(new Profile("", java.net.URI.create(""), "", ClientAuthentication.PUBLIC, Profile.DEFAULT_SCOPES, Map.of(),
                Profile.DEFAULT_USERNAME_CLAIM, Profile.DEFAULT_GROUPS_CLAIM, null, null));
        name.set("");
        issuer.set("");
        reminder.reset();
        clearOutcome();
        messages.values().forEach(message -> message.set(""));
    }

    /** Shows a stored profile for editing. */
    public void load(Profile profile) {
        editing.set(profile);
        fill(profile);
        reminder.load(profile.name());
        clearOutcome();
        validate();
    }

    private void fill(Profile profile) {
        name.set(profile.name());
        issuer.set(profile.issuer().toString());
        clientId.set(profile.clientId());
        authentication.set(profile.authentication());
        clientSecret.set("");
        scopes.set(String.join(" ", profile.scopes()));
        extraParameters.set(ProfileForm.parametersText(profile.extraParameters()));
        usernameClaim.set(profile.usernameClaim());
        groupsClaim.set(profile.groupsClaim());
        caFile.set(profile.caFileIfAny().map(Object::toString).orElse(""));
        username.set(profile.usernameIfAny().orElse(""));
        signInMethod.set(profile.signInMethod());
        redirectPort.set(profile.signIn().hasFixedRedirectPort() ? Integer.toString(profile.signIn().redirectPort()) : "");
    }

    private void forgetMethodsOffered() {
        methodProblems.clear();
        methodNote.set(NOT_DISCOVERED);
    }

    /** What discovery said about each sign-in method, so the form can grey out the ones the issuer does not offer. */
    private void showMethodsOffered(ProviderInfo info) {
        methodProblems.clear();
        StringBuilder note = new StringBuilder();
        for (SignInMethod each : SignInMethod.values()) {
            info.whyNotSupported(each).ifPresent(why -> {
                methodProblems.put(each, why);
                note.append(note.length() == 0 ? "" : "\n").append(label(each)).append(" is greyed out: ").append(why).append('.');
            });
        }
        methodNote.set(note.length() == 0 ? "The issuer offers all three sign-in methods." : note.toString());
    }

    static String label(SignInMethod method) {
        return switch (method) {
            case PASSWORD -> "Password";
            case BROWSER -> "Browser";
            case DEVICE -> "Device code";
        };
    }

    private void clearOutcome() {
        status.set("");
        error.set("");
        discovery.set("");
        discoveryWarnings.clear();
    }

    /** Puts each validator sentence next to its field; true when nothing stops a save. */
    public boolean validate() {
        messages.values().forEach(message -> message.set(""));
        Profile profile;
        try {
            profile = formProfile();
        } catch (ProfileForm.UnparsableField e) {
            messages.get(e.field).set(e.getMessage());
            return false;
        }
        ProfileValidator.Result result = ProfileValidator.validate(profile);
        result.errors().forEach(problem -> show(problem));
        result.warnings().forEach(problem -> show("warning: " + problem));
        boolean secretStoredBefore = editing.get() != null && editing.get().name().equals(profile.name())
                && editing.get().authentication().needsSecret();
        if (authentication.get().needsSecret() && clientSecret.get().isEmpty() && !secretStoredBefore) {
            show("client secret: client_secret_" + authentication.get().word() + " needs one, or choose a public client");
            return false;
        }
        if (!clientSecret.get().isEmpty() && !authentication.get().needsSecret()) {
            show("client secret: a public client has none; choose basic or post, or clear the secret");
            return false;
        }
        return result.ok();
    }

    private void show(String problem) {
        String field = ProfileForm.fieldOf(problem.startsWith("warning: ") ? problem.substring(9) : problem);
        StringProperty message = messages.get(field);
        message.set(message.get().isEmpty() ? problem : message.get() + "\n" + problem);
    }

    private Profile formProfile() {
        // what the form does not show (remembered cluster, API server settings from the CLI or Cluster setup) is kept
        boolean sameProfile = editing.get() != null && editing.get().name().equals(name.get().strip());
        ClusterSettings cluster = sameProfile ? editing.get().cluster() : ClusterSettings.NONE;
        ApiServerSettings apiServer = sameProfile ? editing.get().apiServer() : ApiServerSettings.NONE;
        return ProfileForm.toProfile(name.get(), issuer.get(), clientId.get(), authentication.get(), scopes.get(),
                extraParameters.get(), usernameClaim.get(), groupsClaim.get(), caFile.get(), username.get(), cluster)
                .withApiServer(apiServer)
                .withSignIn(new SignInSettings(signInMethod.get() == null ? SignInMethod.PASSWORD : signInMethod.get(),
                        ProfileForm.port(redirectPort.get())));
    }

    /** Fetches the issuer's discovery document and shows endpoints, grants and what does not fit. */
    public void discover() {
        clearOutcome();
        Profile profile;
        try {
            profile = formProfile();
        } catch (ProfileForm.UnparsableField e) {
            error.set(e.getMessage());
            return;
        }
        busy.set(true);
        status.set("Fetching " + profile.issuer() + "/.well-known/openid-configuration …");
        running = work.start(() -> model.app().oidc().discover(profile), info -> {
            busy.set(false);
            status.set("");
            discovery.set(describe(info));
            discoveryWarnings.setAll(info.warnings());
            showMethodsOffered(info);
        }, failure -> {
            busy.set(false);
            status.set("");
            error.set(ErrorText.of(failure));
        });
    }

    static String describe(ProviderInfo info) {
        StringBuilder text = new StringBuilder();
        text.append("Issuer:          ").append(info.issuer()).append('\n');
        text.append("Token endpoint:  ").append(info.tokenEndpoint()).append('\n');
        text.append("JWKS:            ").append(info.jwksUri()).append('\n');
        info.revocationEndpoint().ifPresent(uri -> text.append("Revocation:      ").append(uri).append('\n'));
        text.append("Grants:          ").append(info.grantTypesSupported().isEmpty() ? "(not advertised)"
                : String.join(", ", info.grantTypesSupported())).append('\n');
        text.append("Signing:         ").append(String.join(", ", info.signingAlgorithms())).append('\n');
        text.append("Sign-in methods: ").append(String.join(", ", info.supportedMethods().stream().map(SignInMethod::word).toList()));
        if (info.warnings().isEmpty()) {
            text.append("\n\nEverything fits: the issuer matches and offers the profile's sign-in method.");
        }
        return text.toString();
    }

    /** Validates, stores the client secret in the keychain and saves the profile, in the background. */
    public void save() {
        clearOutcome();
        if (!validate()) {
            error.set("Fix the fields marked in red first.");
            return;
        }
        Profile profile = formProfile();
        Optional<String> secret = clientSecret.get().isEmpty() ? Optional.empty() : Optional.of(clientSecret.get());
        ReminderSettings reminderSettings = reminder.current();
        busy.set(true);
        status.set("Saving …");
        running = work.start(() -> {
            List<String> warnings = model.app().profileService().save(profile, secret);
            reminder.save(profile.name(), reminderSettings);
            return warnings;
        }, warnings -> {
            busy.set(false);
            clientSecret.set("");
            model.reloadProfiles(); // the list follows, which reloads this form: the status comes after
            model.select(profile.name());
            editing.set(model.selected().orElse(profile));
            status.set("Saved profile '" + profile.name() + "'." + (warnings.isEmpty() ? "" : " Warnings: " + String.join("; ", warnings)));
        }, failure -> {
            busy.set(false);
            status.set("");
            if (failure instanceof InvalidProfileException invalid) {
                invalid.problems().forEach(this::show);
            }
            error.set(ErrorText.of(failure));
        });
    }

    /** Removes the profile being edited with its keychain entries; the view asks for confirmation first. */
    public void remove() {
        Profile profile = editing.get();
        if (profile == null) {
            return;
        }
        clearOutcome();
        busy.set(true);
        running = work.start(() -> {
            model.app().profileService().remove(profile.name());
            return profile.name();
        }, removed -> {
            busy.set(false);
            model.reloadProfiles();
            newProfile();
            status.set("Removed profile '" + removed + "' and its keychain entries.");
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.of(failure));
        });
    }

    /** Stops waiting for the running request; it ends at its timeout. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
        busy.set(false);
        status.set("Cancelled.");
    }

    public StringProperty message(String field) {
        return messages.get(field);
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty issuerProperty() { return issuer; }
    public StringProperty clientIdProperty() { return clientId; }
    public ObjectProperty<ClientAuthentication> authenticationProperty() { return authentication; }
    public StringProperty clientSecretProperty() { return clientSecret; }
    public StringProperty scopesProperty() { return scopes; }
    public StringProperty extraParametersProperty() { return extraParameters; }
    public StringProperty usernameClaimProperty() { return usernameClaim; }
    public StringProperty groupsClaimProperty() { return groupsClaim; }
    public StringProperty caFileProperty() { return caFile; }
    public StringProperty usernameProperty() { return username; }
    public ObjectProperty<SignInMethod> signInMethodProperty() { return signInMethod; }
    public StringProperty redirectPortProperty() { return redirectPort; }
    public javafx.collections.ObservableMap<SignInMethod, String> methodProblems() { return methodProblems; }
    public StringProperty methodNoteProperty() { return methodNote; }
    public ObjectProperty<Profile> editingProperty() { return editing; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public StringProperty discoveryProperty() { return discovery; }
    public ObservableList<String> discoveryWarnings() { return discoveryWarnings; }
    public ReminderSettingsViewModel reminder() { return reminder; }
}
