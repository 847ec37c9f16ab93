package io.github.kubesignin.interop;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/** Raw OAuth2 calls with the JDK's HttpClient, so the realm is checked without the project's own OIDC code. */
final class TokenEndpointClient {

    /** A token endpoint answer: the HTTP status and the parsed JSON body. */
    record Answer(int status, Map<String, Object> json) {

        String string(String name) {
            Object value = json.get(name);
            return value == null ? null : value.toString();
        }
    }

    private final HttpClient http;

    TokenEndpointClient(SSLContext trust) {
        this.http = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Answer get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET());
    }

    /** POSTs a form; a non-null {@code basicClientId} adds client_secret_basic authentication. */
    Answer postForm(URI uri, Map<String, String> form, String basicClientId, String basicSecret)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form)));
        if (basicClientId != null) {
            // RFC 6749 2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
            String credentials = encode(basicClientId) + ":" + encode(basicSecret);
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            return new Answer(response.statusCode(), JSONObjectUtils.parse(response.body()));
        } catch (ParseException e) {
            throw new IOException("not JSON (HTTP " + response.statusCode() + "): " + response.body(), e);
        }
    }

    private static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
