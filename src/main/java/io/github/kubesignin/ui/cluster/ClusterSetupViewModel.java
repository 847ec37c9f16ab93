package io.github.kubesignin.ui.cluster;

import io.github.kubesignin.cluster.ApiServerOidc;
import io.github.kubesignin.cluster.RuleCheck;
import io.github.kubesignin.cluster.SignatureRule;
import io.github.kubesignin.cluster.Verdict;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.token.DecodedJwt;
import io.github.kubesignin.token.JwtDecoder;
import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.BackgroundWork;
import io.github.kubesignin.ui.common.ErrorText;
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
 * The doctor's verdict for the selected profile, as {@code kubesignin doctor} gives it: the API server's rules
 * applied offline at once, then the signature checked against the issuer in the background as one more rule.
 */
public final class ClusterSetupViewModel {
    private final AppModel model;
    private final BackgroundWork work;
    private final StringProperty token = new SimpleStringProperty("");
    private final ObjectProperty<DecodedJwt> decoded = new SimpleObjectProperty<>();
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();
    private final ObservableList<RuleCheck> rules = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty accepted = new SimpleBooleanProperty();
    private final StringProperty signatureNote = new SimpleStringProperty("");
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private BackgroundWork.Running running;

    public ClusterSetupViewModel(AppModel model) {
        this.model = model;
        this.work = model.work();
        // a verdict is always about one profile's cluster: another profile starts afresh
        model.selectedProperty().addListener((obs, old, now) -> {
            if (old == null || now == null || !old.name().equals(now.name())) {
                token.set("");
                clear();
            }
        });
    }

    /** The selected profile's token as get-token would hand it out; the cached one, with the reason, if it cannot be renewed. */
    public void loadCurrentToken() {
        Optional<Profile> profile = model.selected();
        if (profile.isEmpty()) {
            clear();
            error.set("Choose a profile first: the verdict needs its cluster settings.");
            return;
        }
        String name = profile.get().name();
        clear();
        checking.set(true);
        running = work.start(() -> model.app().sessions().currentToken(name), current -> {
            checking.set(false);
            model.refreshSession();
            token.set(current.idToken());
            judge();
        }, failure -> {
            checking.set(false);
            Optional<CachedToken> cached = model.app().sessions().cached(name);
            if (cached.isEmpty()) {
                error.set(ErrorText.of(failure) + " — or paste a token above.");
                return;
            }
            token.set(cached.get().idToken());
            judge();
            error.set("warning: judging the last token; it could not be renewed: " + ErrorText.of(failure));
        });
    }

    /** When the page opens empty: the profile's token if it has one, else nothing (no error). */
    public void loadCurrentTokenIfEmpty() {
        if (token.get().isBlank() && model.selected().flatMap(p -> model.app().sessions().cached(p.name())).isPresent()) {
            loadCurrentToken();
        }
    }

    /** Applies the API server's rules to the token text, then checks the signature in the background. */
    public void judge() {
        clear();
        Optional<Profile> profile = model.selected();
        if (profile.isEmpty()) {
            error.set("Choose a profile first: the verdict needs its cluster settings.");
            return;
        }
        DecodedJwt jwt;
        try {
            jwt = JwtDecoder.decode(token.get());
        } catch (RuntimeException malformed) {
            error.set(ErrorText.of(malformed));
            return;
        }
        Verdict offline = Verdict.judge(jwt, ApiServerOidc.of(profile.get()), model.now());
        decoded.set(jwt);
        show(offline);
        checking.set(true);
        signatureNote.set("Checking the signature against " + profile.get().issuer() + " …");
        running = work.start(() -> model.app().oidc().checkSignature(profile.get(), jwt.raw()), check -> {
            checking.set(false);
            Optional<RuleCheck> rule = SignatureRule.from(check);
            signatureNote.set(rule.isPresent() ? "" : "Signature " + check.detail());
            rule.ifPresent(r -> show(offline.withFirst(r)));
        }, failure -> {
            checking.set(false);
            signatureNote.set("Signature not checked: " + ErrorText.of(failure));
        });
    }

    private void show(Verdict judged) {
        verdict.set(judged);
        rules.setAll(judged.checks());
        accepted.set(judged.accepted());
        summary.set(judged.summary());
    }

    private void clear() {
        if (running != null) {
            running.cancel();
        }
        decoded.set(null);
        verdict.set(null);
        rules.clear();
        summary.set("");
        accepted.set(false);
        signatureNote.set("");
        checking.set(false);
        error.set("");
    }

    public StringProperty tokenProperty() { return token; }
    public ObjectProperty<DecodedJwt> decodedProperty() { return decoded; }
    public ObjectProperty<Verdict> verdictProperty() { return verdict; }
    public ObservableList<RuleCheck> rules() { return rules; }
    public StringProperty summaryProperty() { return summary; }
    public BooleanProperty acceptedProperty() { return accepted; }
    public StringProperty signatureNoteProperty() { return signatureNote; }
    public BooleanProperty checkingProperty() { return checking; }
    public StringProperty errorProperty() { return error; }
}
