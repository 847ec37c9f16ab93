package io.github.kubesignin.issuer;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the issuer's HTTP answers. Every method completes (closes) the exchange. */
final class HttpExchanges {
    static final String JSON = "application/json";

    private HttpExchanges() {
    }

    static void sendJson(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        send(exchange, status, JSON, JSONObjectUtils.toJSONString(body));
    }

    /** A token-endpoint style answer: JSON that no cache may keep (RFC 6749 §5.1). */
    static void sendNoStoreJson(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        sendJson(exchange, status, body);
    }

    static void sendError(HttpExchange exchange, OAuthException error) throws IOException {
        if (error.basicChallenge()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"kubesignin\"");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.error());
        body.put("error_description", error.description());
        sendNoStoreJson(exchange, error.status(), body);
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    static void notFound(HttpExchange exchange) throws IOException {
        sendJson(exchange, 404, Map.of("error", "not_found", "error_description",
                "no such endpoint: " + exchange.getRequestURI().getPath()));
    }

    static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        sendJson(exchange, 405, Map.of("error", "invalid_request", "error_description",
                exchange.getRequestMethod() + " is not allowed here; use " + allowed));
    }
}
