package io.github.kubesignin.issuer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /authorize} checks an authorization request and shows a tiny login form; {@code POST /authorize} checks
 * the username and password and sends the browser back to the client's loopback redirect URI with a code and the
 * state. PKCE with S256 is mandatory. A bad client id or redirect URI is shown as a page and never redirected to
 * (RFC 6749 §4.1.2.1); every other error goes back to the client as {@code error=…}.
 */
final class AuthorizationEndpoint implements IssuerRouter.Endpoint {
    private static final Duration FORM_LIFETIME = Duration.ofMinutes(10);

    /** A checked authorization request waiting for the login form. */
    private record Pending(IssuerClient client, String redirectUri, String state, String nonce, Set<String> scope,
                           String codeChallenge, Instant expiresAt) {
    }

    private final IssuerSettings settings;
    private final AuthorizationCodes codes;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicReference<String> nonceOverride = new AtomicReference<>();

    AuthorizationEndpoint(IssuerSettings settings, AuthorizationCodes codes) {
        this.settings = settings;
        this.codes = codes;
    }

    /** Test hook: the next code carries this nonce instead of the one the client sent. */
    void replaceNextNonce(String nonce) {
        nonceOverride.set(nonce);
    }

    @Override
    public void serve(HttpExchange exchange) throws IOException {
        try {
            if (exchange.getRequestMethod().equals("POST")) {
                submit(exchange, FormData.read(exchange));
            } else {
                String query = exchange.getRequestURI().getRawQuery();
                start(exchange, FormData.parse(query == null ? "" : query));
            }
        } catch (OAuthException e) {
            page(exchange, 400, "Sign-in request refused", HtmlPage.error(e.error() + ": " + e.description()));
        }
    }

    private void start(HttpExchange exchange, FormData request) throws IOException, OAuthException {
        String clientId = request.get("client_id");
        IssuerClient client = clientId == null ? null : settings.clients().get(clientId);
        if (client == null) {
            page(exchange, 400, "Sign-in request refused", HtmlPage.error("unknown client_id: " + clientId));
            return;
        }
        String redirectUri = request.get("redirect_uri");
        String redirectProblem = loopbackProblem(redirectUri);
        if (redirectProblem != null) {
            page(exchange, 400, "Sign-in request refused", HtmlPage.error("redirect_uri " + redirectProblem));
            return;
        }
        String state = request.get("state");
        if (!"code".equals(request.get("response_type"))) {
            redirectError(exchange, redirectUri, state, "unsupported_response_type", "only response_type=code is supported");
            return;
        }
        if (!client.grantTypes().contains(IssuerClient.AUTHORIZATION_CODE)) {
            redirectError(exchange, redirectUri, state, "unauthorized_client",
                    "client " + clientId + " may not use the authorization code flow");
            return;
        }
        String challenge = request.get("code_challenge");
        if (challenge == null || !"S256".equals(request.get("code_challenge_method"))) {
            redirectError(exchange, redirectUri, state, "invalid_request", "PKCE is required: send code_challenge with code_challenge_method=S256");
            return;
        }
        Set<String> scope = scope(request.get("scope"));
        for (String each : scope) {
            if (!IssuerSettings.SUPPORTED_SCOPES.contains(each)) {
                redirectError(exchange, redirectUri, state, "invalid_scope", "unknown scope " + each);
                return;
            }
        }
        Instant now = settings.clock().instant();
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
        String requestId = AuthorizationCodes.randomToken();
        pending.put(requestId, new Pending(client, redirectUri, state, request.get("nonce"), scope, challenge, now.plus(FORM_LIFETIME)));
        loginForm(exchange, 200, requestId, null, null);
    }

    private void submit(HttpExchange exchange, FormData form) throws IOException, OAuthException {
        String requestId = form.required("request_id");
        Pending request = pending.get(requestId);
        if (request == null || !settings.clock().instant().isBefore(request.expiresAt())) {
            page(exchange, 400, "Sign-in expired", HtmlPage.error("This sign-in form is no longer valid. Start the sign-in again."));
            return;
        }
        if ("cancel".equals(form.get("action"))) {
            pending.remove(requestId);
            redirectError(exchange, request.redirectUri(), request.state(), "access_denied", "the user cancelled the sign-in");
            return;
        }
        String username = form.get("username");
        IssuerUser user = username == null ? null : settings.users().get(username);
        String password = form.get("password");
        if (user == null || password == null || !ClientAuthenticator.constantTimeEquals(password, user.password())) {
            loginForm(exchange, 200, requestId, username, "Wrong username or password.");
            return;
        }
        pending.remove(requestId);
        Instant now = settings.clock().instant();
        String override = nonceOverride.getAndSet(null);
        String code = codes.issue(new AuthorizationCodes.Code(request.client().clientId(), request.redirectUri(),
                request.codeChallenge(), override != null ? override : request.nonce(), request.scope(), user.username(),
                now, now.plus(settings.authorizationCodeLifetime())));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        parameters.put("state", request.state());
        parameters.put("iss", settings.issuer()); // RFC 9207
        redirect(exchange, request.redirectUri(), parameters);
    }

    private void loginForm(HttpExchange exchange, int status, String requestId, String username, String error) throws IOException {
        page(exchange, status, "Sign in to the kubesignin demo issuer", HtmlPage.error(error)
                + "<form method=\"post\" action=\"" + DiscoveryDocument.AUTHORIZATION_PATH + "\">"
                + HtmlPage.hidden("request_id", requestId)
                + HtmlPage.field("Username", "username", "text", username)
                + HtmlPage.field("Password", "password", "password", null)
                + "<button type=\"submit\" name=\"action\" value=\"login\">Sign in</button>"
                + "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>");
    }

    /**
     * Null when the redirect URI is a loopback one as RFC 8252 §7.3 asks for native apps: http on 127.0.0.1 or
     * [::1] with any port; else what is wrong with it.
     */
    static String loopbackProblem(String redirectUri) {
        if (redirectUri == null) {
            return "is missing";
        }
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return "'" + redirectUri + "' is not a URI";
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getFragment() != null || uri.getPort() <= 0) {
            return "'" + redirectUri + "' must be http://127.0.0.1:PORT/… (a loopback address with a port, no fragment)";
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return "'" + redirectUri + "' must use a loopback IP address (127.0.0.1 or [::1]), not a name";
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress() ? null
                    : "'" + redirectUri + "' is not a loopback address";
        } catch (UnknownHostException e) {
            return "'" + redirectUri + "' has an unreadable address";
        }
    }

    private static Set<String> scope(String text) {
        Set<String> scopes = new LinkedHashSet<>();
        if (text != null) {
            scopes.addAll(Arrays.asList(text.trim().split("\\s+")));
            scopes.remove("");
        }
        return Collections.unmodifiableSet(scopes);
    }

    private static void redirectError(HttpExchange exchange, String redirectUri, String state, String error,
                                      String description) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        if (state != null) {
            parameters.put("state", state);
        }
        redirect(exchange, redirectUri, parameters);
    }

    private static void redirect(HttpExchange exchange, String redirectUri, Map<String, String> parameters) throws IOException {
        StringBuilder location = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            location.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpExchanges.send(exchange, 302, null, "");
    }

    private static void page(HttpExchange exchange, int status, String title, String bodyHtml) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpExchanges.send(exchange, status, "text/html; charset=utf-8", HtmlPage.of(title, bodyHtml));
    }
}
