package io.github.kubesignin.oidc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.kubesignin.html.Html;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The loopback redirect target of a browser sign-in (RFC 8252 §7.3): an HTTP listener on 127.0.0.1 that takes exactly
 * one {@code GET /callback}, keeps the browser waiting until the sign-in is finished, and then shows a page that says
 * how it went. Everything else gets 404; a second callback is told that the sign-in is already over.
 */
public final class LoopbackReceiver implements AutoCloseable {
    static final String PATH = "/callback";
    /** How long the browser tab waits for the token exchange before it is shown a neutral page. */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);

    /** The browser's request to the redirect URI, answered with {@link #finish}. */
    public static final class Callback {
        private final URI uri;
        private final CompletableFuture<String> page = new CompletableFuture<>();

        private Callback(URI uri) {
            this.uri = uri;
        }

        /** The full redirect URI with its query (code, state, or error). */
        public URI uri() {
            return uri;
        }

        /** Shows the person in the browser that the sign-in worked, or why it did not. */
        public void finish(boolean signedIn, String problem) {
            page.complete(signedIn ? successPage() : errorPage(problem));
        }

        @Override
        public String toString() {
            return "Callback[" + PATH + "]"; // the query holds the authorization code
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final CompletableFuture<Callback> callback = new CompletableFuture<>();
    private final AtomicBoolean taken = new AtomicBoolean();
    /** Counted down when the taken callback's page has been written, so that closing does not cut it off. */
    private final java.util.concurrent.CountDownLatch pageDelivered = new java.util.concurrent.CountDownLatch(1);

    private LoopbackReceiver(HttpServer server) {
        this.server = server;
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "kubesignin-loopback");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        // the dispatcher thread inherits the daemon flag of the thread that starts it
        Thread starter = new Thread(server::start, "kubesignin-loopback-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new OidcException(OidcProblem.CANCELLED, "interrupted while starting the sign-in listener");
        }
    }

    /**
     * Listens on 127.0.0.1.
     *
     * @param port the fixed port of the profile, or 0 for any free port
     */
    public static LoopbackReceiver start(int port) {
        try {
            return new LoopbackReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 0));
        } catch (BindException e) {
            throw new OidcException(OidcProblem.CONNECTION_FAILED, "the redirect port " + port + " on 127.0.0.1 is in use:"
                    + " close the program that holds it, or give the profile another --redirect-port", e);
        } catch (IOException e) {
            throw new OidcException(OidcProblem.CONNECTION_FAILED, "cannot listen on 127.0.0.1 for the browser's answer: " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT/callback}, the redirect URI to register with the issuer. */
    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /**
     * Waits for the browser's request.
     *
     * @throws OidcException {@link OidcProblem#EXPIRED} after the timeout, {@link OidcProblem#CANCELLED} on cancel
     */
    public Callback await(Duration timeout, SignInCancellation cancellation) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                cancellation.throwIfCancelled();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new OidcException(OidcProblem.EXPIRED, "no answer from the browser within "
                            + timeout.toMinutes() + " minutes: the sign-in was given up; start it again");
                }
                try {
                    return callback.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // look at the cancel flag again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException(OidcProblem.CANCELLED, "the sign-in was cancelled");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestURI().getPath().equals(PATH) || !exchange.getRequestMethod().equals("GET")) {
                send(exchange, 404, page("Not found", "kubesignin waits for the sign-in answer at " + PATH + " only."));
                return;
            }
            if (!taken.compareAndSet(false, true)) {
                send(exchange, 409, page("This sign-in is already finished",
                        "kubesignin took the first answer already. You can close this tab."));
                return;
            }
            URI uri = URI.create(redirectUri().toString() + (exchange.getRequestURI().getRawQuery() == null ? ""
                    : "?" + exchange.getRequestURI().getRawQuery()));
            Callback received = new Callback(uri);
            callback.complete(received);
            String body;
            try {
                body = received.page.get(PAGE_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                body = page("kubesignin", "Return to kubesignin to see whether the sign-in worked. You can close this tab.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                body = page("kubesignin", "The sign-in was stopped. You can close this tab.");
            }
            try {
                send(exchange, 200, body);
            } finally {
                pageDelivered.countDown();
            }
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String successPage() {
        return page("Signed in", "You are signed in to kubesignin, you can close this tab.");
    }

    static String errorPage(String problem) {
        return page("Sign-in failed", "kubesignin could not sign you in: " + (problem == null ? "unknown error" : problem)
                + ". Return to kubesignin to try again.");
    }

    private static String page(String title, String text) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title) + " – kubesignin</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:4em auto;max-width:36em;color:#222}"
                + "h1{font-size:1.5em}</style></head><body><h1>" + Html.escape(title) + "</h1><p>" + Html.escape(text)
                + "</p></body></html>";
    }

    /** Stops listening; a page being written to the browser gets a moment to arrive. The port is free when this returns. */
    @Override
    public void close() {
        if (taken.get() && callback.isDone() && callback.join().page.isDone()) {
            try {
                pageDelivered.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
