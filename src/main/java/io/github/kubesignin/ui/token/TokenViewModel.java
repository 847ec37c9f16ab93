package io.github.kubesignin.ui.token;

import io.github.kubesignin.json.Json;
import io.github.kubesignin.oidc.SignatureCheck;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.token.ClaimExplainer;
import io.github.kubesignin.token.ClaimRow;
import io.github.kubesignin.cluster.ApiServerOidc;
import io.github.kubesignin.cluster.MappedUser;
import io.github.kubesignin.cluster.Verdict;
import io.github.kubesignin.token.DecodedJwt;
import io.github.kubesignin.token.JwtDecoder;
import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.BackgroundWork;
import io.github.kubesignin.ui.common.ErrorText;
import java.time.Instant;
import java.util.List;
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
 * The token inspector: decodes the profile's cached token or a pasted JWT with the same {@code token} package as
 * {@code kubesignin inspect}; the signature is checked against the selected profile's issuer in the background.
 */
public final class TokenViewModel {
    private final AppModel model;
    private final BackgroundWork work;
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty header = new SimpleStringProperty("");
    private final StringProperty rawJson = new SimpleStringProperty("");
    private final ObservableList<ClaimRow> claims = FXCollections.observableArrayList();
    private final ObjectProperty<SignatureCheck.Verdict> signatureVerdict = new SimpleObjectProperty<>();
    private final StringProperty signature = new SimpleStringProperty("");
    private final StringProperty cluster = new SimpleStringProperty("");
    private final BooleanProperty clusterAccepts = new SimpleBooleanProperty();
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private DecodedJwt decoded;
    private BackgroundWork.Running running;

    public TokenViewModel(AppModel model) {
        this.model = model;
        this.work = model.work();
    }

    /**
     * Shows the selected profile's current token as get-token would hand it to kubectl: renewed in the background
     * when it is about to expire. If it cannot be renewed, the cached one is shown with the reason.
     */
    public void loadCurrentToken() {
        Optional<Profile> profile = model.selected();
        if (profile.isEmpty()) {
            clear();
            error.set("Choose a profile first, or paste a token.");
            return;
        }
        String name = profile.get().name();
        checking.set(true);
        work.start(() -> model.app().sessions().currentToken(name), current -> {
            checking.set(false);
            model.refreshSession();
            token.set(current.idToken());
            inspect();
        }, failure -> {
            checking.set(false);
            Optional<CachedToken> cached = model.app().sessions().cached(name);
            if (cached.isEmpty()) {
                clear();
                error.set(ErrorText.of(failure)); // the session's own words say how to sign in
                return;
            }
            token.set(cached.get().idToken());
            inspect();
            error.set("warning: showing the cached token; it could not be renewed: " + ErrorText.of(failure));
        });
    }

    /** When the page opens empty: the selected profile's token if it has one, else nothing (no error). */
    public void loadCurrentTokenIfEmpty() {
        if (token.get().isBlank() && model.selected().flatMap(p -> model.app().sessions().cached(p.name())).isPresent()) {
            loadCurrentToken();
        }
    }

    /** Decodes the token text; the signature check runs in the background when a profile is selected. */
    public void inspect() {
        clear();
        try {
            decoded = JwtDecoder.decode(token.get());
        } catch (RuntimeException malformed) {
            error.set(ErrorText.of(malformed));
            return;
        }
        header.set(Json.writePretty(decoded.header()));
        rawJson.set(Json.writePretty(decoded.claims()));
        tick(model.now());
        Optional<Profile> profile = model.selected();
        if (profile.isEmpty()) {
            signatureVerdict.set(SignatureCheck.Verdict.NOT_CHECKED);
            signature.set("not checked: choose a profile to check the signature against its issuer's keys");
            cluster.set("Choose a profile to see whether its cluster would accept this token.");
            return;
        }
        showClusterVerdict(profile.get());
        String checked = decoded.raw();
        checking.set(true);
        signature.set("checking against " + profile.get().issuer() + " …");
        running = work.start(() -> model.app().oidc().checkSignature(profile.get(), checked), check -> {
            checking.set(false);
            signatureVerdict.set(check.verdict());
            signature.set(switch (check.verdict()) {
                case VALID -> "valid: ";
                case INVALID -> "INVALID: ";
                case NOT_CHECKED -> "not checked: ";
            } + check.detail());
        }, failure -> {
            checking.set(false);
            signatureVerdict.set(SignatureCheck.Verdict.NOT_CHECKED);
            signature.set("not checked: " + ErrorText.of(failure));
        });
    }

    private void showClusterVerdict(Profile profile) {
        Verdict verdict = Verdict.judge(decoded, ApiServerOidc.of(profile), model.now());
        clusterAccepts.set(verdict.accepted());
        if (verdict.user().isPresent()) {
            MappedUser user = verdict.user().get();
            cluster.set("An API server set up like profile '" + profile.name() + "' accepts it as user '" + user.username() + "'"
                    + (user.groups().isEmpty() ? "" : ", groups " + String.join(", ", user.groups())) + ".");
        } else {
            cluster.set("An API server set up like profile '" + profile.name() + "' rejects it:\n• " + String.join("\n• ",
                    verdict.failures().stream().map(f -> f.apiServerMessage() + ": " + f.fix()).toList()));
        }
    }

    private void clear() {
        if (running != null) {
            running.cancel();
        }
        decoded = null;
        error.set("");
        header.set("");
        rawJson.set("");
        claims.clear();
        signatureVerdict.set(null);
        signature.set("");
        cluster.set("");
        clusterAccepts.set(false);
        checking.set(false);
    }

    /** Keeps "expires in …" current; only touches the table when a meaning changed. */
    public void tick(Instant now) {
        if (decoded == null) {
            return;
        }
        List<ClaimRow> rows = ClaimExplainer.rows(decoded, now, model.app().zone());
        if (rows.size() != claims.size()) {
            claims.setAll(rows);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).equals(claims.get(i))) {
                claims.set(i, rows.get(i)); // in place, so the table keeps its selection and scroll position
            }
        }
    }

    public StringProperty tokenProperty() { return token; }
    public StringProperty headerProperty() { return header; }
    public StringProperty rawJsonProperty() { return rawJson; }
    public ObservableList<ClaimRow> claims() { return claims; }
    public ObjectProperty<SignatureCheck.Verdict> signatureVerdictProperty() { return signatureVerdict; }
    public StringProperty signatureProperty() { return signature; }
    public StringProperty clusterProperty() { return cluster; }
    public BooleanProperty clusterAcceptsProperty() { return clusterAccepts; }
    public BooleanProperty checkingProperty() { return checking; }
    public StringProperty errorProperty() { return error; }
}
