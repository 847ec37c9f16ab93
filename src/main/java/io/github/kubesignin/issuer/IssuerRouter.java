package io.github.kubesignin.issuer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sends each request to the endpoint for its exact path and method. One root handler instead of one context per
 * endpoint, because the JDK server matches contexts by prefix and a client may write {@code //.well-known/...}
 * after an issuer with a trailing slash.
 */
final class IssuerRouter implements HttpHandler {
    /** One endpoint's request handling, called after the path and method checks. */
    interface Endpoint {
        void serve(HttpExchange exchange) throws IOException;
    }

    private record Route(Set<String> methods, Endpoint endpoint) {
    }

    private final Map<String, Route> routes = new HashMap<>();
    private final ResponseControls controls;

    IssuerRouter(ResponseControls controls) {
        this.controls = controls;
    }

    IssuerRouter route(String path, Set<String> methods, Endpoint endpoint) {
        routes.put(path, new Route(methods, endpoint));
        return this;
    }

    /**
     * The request path with repeated slashes collapsed. Read from the raw request target, because the JDK parses
     * {@code //.well-known/x} as a URI whose authority is {@code .well-known}.
     */
    private static String normalizedPath(HttpExchange exchange) {
        String target = exchange.getRequestURI().toString();
        int query = target.indexOf('?');
        return (query < 0 ? target : target.substring(0, query)).replaceAll("/{2,}", "/");
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            if (!controls.awaitDelay()) {
                return; // the issuer is closing
            }
            Route route = routes.get(normalizedPath(exchange));
            if (route == null) {
                HttpExchanges.notFound(exchange);
            } else if (!route.methods().contains(exchange.getRequestMethod())) {
                HttpExchanges.methodNotAllowed(exchange, String.join(", ", route.methods()));
            } else {
                route.endpoint().serve(exchange);
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        } catch (RuntimeException e) {
            try {
                HttpExchanges.sendJson(exchange, 500, Map.of("error", "server_error",
                        "error_description", "the embedded issuer failed: " + e.getClass().getSimpleName()));
            } catch (IOException | RuntimeException ignored) {
                // headers may already be sent; closing below is all that is left
            }
        } finally {
            exchange.close();
        }
    }
}
