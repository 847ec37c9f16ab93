package io.github.kubesignin.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The loopback listener takes exactly one callback and answers the browser once the sign-in is decided. */
class LoopbackReceiverTest {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void takesOneCallbackOnlyAndShowsTheOutcome() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0)) {
            assertThat(receiver.redirectUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/callback");
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return get(URI.create(receiver.redirectUri() + "?code=c&state=s"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            LoopbackReceiver.Callback callback = receiver.await(Duration.ofSeconds(10), new SignInCancellation());
            assertThat(callback.uri().getQuery()).isEqualTo("code=c&state=s");
            assertThat(callback.toString()).doesNotContain("code=c");

            HttpResponse<String> second = get(URI.create(receiver.redirectUri() + "?code=other&state=s"));
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.body()).contains("already finished");
            assertThat(get(URI.create("http://127.0.0.1:" + receiver.redirectUri().getPort() + "/favicon.ico")).statusCode()).isEqualTo(404);

            callback.finish(false, "the <issuer> said no");
            HttpResponse<String> page = first.get(10, TimeUnit.SECONDS);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("Sign-in failed", "the &lt;issuer&gt; said no").doesNotContain("<issuer>");
        }
    }

    @Test
    void closingFreesThePort() throws Exception {
        int port;
        try (LoopbackReceiver receiver = LoopbackReceiver.start(0)) {
            port = receiver.redirectUri().getPort();
        }
        try (LoopbackReceiver again = LoopbackReceiver.start(port)) {
            assertThat(again.redirectUri().getPort()).isEqualTo(port);
        }
    }
}
