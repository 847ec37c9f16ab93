package io.github.kubesignin.issuer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters of an {@code application/x-www-form-urlencoded} request body, as OAuth 2.0 reads them. */
final class FormData {
    private final Map<String, String> parameters;

    private FormData(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    static FormData read(HttpExchange exchange) throws IOException, OAuthException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw OAuthException.invalidRequest("the request body must be application/x-www-form-urlencoded");
        }
        return parse(body);
    }

    static FormData empty() {
        return new FormData(Map.of());
    }

    static FormData parse(String body) throws OAuthException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (value.isEmpty()) {
                continue; // RFC 6749 §3.1: a parameter without a value counts as omitted
            }
            if (parameters.putIfAbsent(name, value) != null) {
                throw OAuthException.invalidRequest("parameter " + name + " is repeated"); // RFC 6749 §3.2
            }
        }
        return new FormData(parameters);
    }

    String get(String name) {
        return parameters.get(name);
    }

    boolean has(String name) {
        return parameters.containsKey(name);
    }

    String required(String name) throws OAuthException {
        String value = parameters.get(name);
        if (value == null) {
            throw OAuthException.invalidRequest("missing parameter " + name);
        }
        return value;
    }

    Map<String, String> asMap() {
        return parameters;
    }

    private static String decode(String text) throws OAuthException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidRequest("malformed form encoding");
        }
    }
}
