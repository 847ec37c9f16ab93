package io.github.kubesignin.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the person's browser with the JDK's HttpClient: follows redirects one by one (so a test sees each hop),
 * keeps cookies (Keycloak's login needs them), and fills in and submits the first form of a page. TLS is verified
 * against the given CA.
 */
public final class TestBrowser {
    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(name|value|type)=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    /** One answer: where it came from, its status, its body, and where it redirects if it does. */
    public record Page(URI uri, int status, String body, String location) {
        public boolean isRedirect() {
            return status / 100 == 3 && location != null;
        }
    }

    private final HttpClient http;

    public TestBrowser(Path caPem) {
        try {
            this.http = HttpClient.newBuilder()
                    .sslContext(PemTrust.sslContextTrusting(caPem))
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + caPem, e);
        }
    }

    /** Opens a URL and follows redirects until a page that is not one. */
    public Page open(URI url) {
        return follow(send(HttpRequest.newBuilder(url).GET()));
    }

    /** One request, no redirects followed. */
    public Page openOnce(URI url) {
        return send(HttpRequest.newBuilder(url).GET());
    }

    /** Whether the page has a form with a field (or button) of this name. */
    public static boolean hasField(Page page, String name) {
        Matcher form = FORM.matcher(page.body());
        while (form.find()) {
            if (form.group(0).contains("name=\"" + name + "\"")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fills in the first form of {@code page} that has every field named in {@code fields} (hidden fields kept,
     * {@code fields} added or replaced) and submits it; does not follow the answer's redirect, so the test can look
     * at it.
     */
    public Page submit(Page page, Map<String, String> fields) {
        Matcher form = FORM.matcher(page.body());
        boolean found = false;
        while (!found && form.find()) {
            found = true;
            for (String name : fields.keySet()) {
                found &= form.group(0).contains("name=\"" + name + "\"");
            }
        }
        if (!found) {
            throw new AssertionError("no form with " + fields.keySet() + " on " + page.uri() + ": " + page.body());
        }
        Matcher action = ACTION.matcher(form.group(0).substring(0, form.group(0).indexOf('>') + 1));
        URI target = action.find() ? page.uri().resolve(unescape(action.group(1))) : page.uri();
        Map<String, String> values = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(1));
        while (input.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(input.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(), unescape(attribute.group(2)));
            }
            if (attributes.containsKey("name") && !"submit".equals(attributes.get("type"))) {
                values.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        values.putAll(fields);
        StringBuilder body = new StringBuilder();
        values.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Follows the redirects of an answer until a page that is not one. */
    public Page follow(Page page) {
        Page current = page;
        for (int hops = 0; current.isRedirect(); hops++) {
            if (hops > 10) {
                throw new AssertionError("too many redirects from " + page.uri());
            }
            current = send(HttpRequest.newBuilder(current.uri().resolve(current.location())).GET());
        }
        return current;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.uri(), response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("the browser could not load " + request.build().uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }
}
