package io.github.kubesignin.issuer;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/** Identifies and authenticates the client of a token or revocation request (RFC 6749 §2.3). */
final class ClientAuthenticator {
    static final String BASIC = "client_secret_basic";
    static final String POST = "client_secret_post";
    static final String NONE = "none";

    private final Map<String, IssuerClient> clients;

    ClientAuthenticator(Map<String, IssuerClient> clients) {
        this.clients = Map.copyOf(clients);
    }

    /** The method the request tries, judged before any checks, so that failed requests can be recorded too. */
    static String attemptedMethod(Headers headers, FormData form) {
        if (basicAuthorization(headers) != null) {
            return BASIC;
        }
        return form.has("client_secret") ? POST : NONE;
    }

    IssuerClient authenticate(Headers headers, FormData form) throws OAuthException {
        String basic = basicAuthorization(headers);
        boolean usedBasic = basic != null;
        String clientId;
        String secret;
        if (usedBasic) {
            if (form.has("client_secret")) {
                throw OAuthException.invalidRequest("use one client authentication method, not Basic and client_secret");
            }
            String[] idAndSecret = decodeBasic(basic);
            clientId = idAndSecret[0];
            secret = idAndSecret[1];
            if (form.has("client_id") && !form.get("client_id").equals(clientId)) {
                throw OAuthException.invalidRequest("client_id differs from the client in the Authorization header");
            }
        } else {
            clientId = form.get("client_id");
            secret = form.get("client_secret");
        }
        if (clientId == null) {
            throw OAuthException.invalidClient("no client identification (client_id or Basic authentication)", false);
        }
        IssuerClient client = clients.get(clientId);
        if (client == null) {
            throw OAuthException.invalidClient("unknown client " + clientId, usedBasic);
        }
        if (client.isPublic()) {
            return client; // a public client has nothing to prove; a stray secret is ignored
        }
        if (secret == null) {
            throw OAuthException.invalidClient("client " + clientId + " is confidential: a client secret is required",
                    usedBasic);
        }
        if (!constantTimeEquals(secret, client.secret())) {
            throw OAuthException.invalidClient("wrong client secret for " + clientId, usedBasic);
        }
        return client;
    }

    static boolean constantTimeEquals(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String basicAuthorization(Headers headers) {
        String authorization = headers.getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return authorization.substring(6).trim();
        }
        return null;
    }

    /** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined with ':' and base64-encoded. */
    private static String[] decodeBasic(String credentials) throws OAuthException {
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthException.invalidClient("malformed Basic credentials", true);
            }
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            };
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("malformed Basic credentials", true);
        }
    }
}
