package io.github.kubesignin.issuer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * {@code /device/verify}: the page a person opens on any device, types the user code (or finds it filled in from
 * {@code verification_uri_complete}), signs in, and approves or denies.
 */
final class DeviceVerificationPage implements IssuerRouter.Endpoint {
    private final IssuerSettings settings;
    private final DeviceCodes devices;

    DeviceVerificationPage(IssuerSettings settings, DeviceCodes devices) {
        this.settings = settings;
        this.devices = devices;
    }

    @Override
    public void serve(HttpExchange exchange) throws IOException {
        try {
            if (exchange.getRequestMethod().equals("POST")) {
                submit(exchange, FormData.read(exchange));
            } else {
                String query = exchange.getRequestURI().getRawQuery();
                form(exchange, FormData.parse(query == null ? "" : query).get("user_code"), null);
            }
        } catch (OAuthException e) {
            page(exchange, 400, "Request refused", HtmlPage.error(e.description()));
        }
    }

    private void submit(HttpExchange exchange, FormData form) throws IOException {
        String typed = form.get("user_code");
        DeviceCodes.Entry entry = typed == null ? null : devices.byUserCode(typed, settings.clock().instant()).orElse(null);
        if (entry == null || entry.status() != DeviceCodes.Status.PENDING) {
            form(exchange, typed, "This code is unknown, expired or already used. Check it on your device.");
            return;
        }
        if ("deny".equals(form.get("action"))) {
            entry.decide(false, null, settings.clock().instant());
            page(exchange, 200, "Access denied", HtmlPage.paragraph("The device was not signed in. You can close this page."));
            return;
        }
        String username = form.get("username");
        IssuerUser user = username == null ? null : settings.users().get(username);
        String password = form.get("password");
        if (user == null || password == null || !ClientAuthenticator.constantTimeEquals(password, user.password())) {
            form(exchange, typed, "Wrong username or password.");
            return;
        }
        entry.decide(true, user.username(), settings.clock().instant());
        page(exchange, 200, "Device signed in", HtmlPage.paragraph("You are signed in on your device as " + user.username()
                + ". You can close this page."));
    }

    private void form(HttpExchange exchange, String userCode, String error) throws IOException {
        page(exchange, 200, "Sign in a device", HtmlPage.error(error)
                + HtmlPage.paragraph("Enter the code your device shows, then sign in to approve it.")
                + "<form method=\"post\" action=\"" + DiscoveryDocument.DEVICE_VERIFICATION_PATH + "\">"
                + HtmlPage.field("Code", "user_code", "text", userCode)
                + HtmlPage.field("Username", "username", "text", null)
                + HtmlPage.field("Password", "password", "password", null)
                + "<button type=\"submit\" name=\"action\" value=\"approve\">Approve</button>"
                + "<button type=\"submit\" name=\"action\" value=\"deny\">Deny</button></form>");
    }

    private static void page(HttpExchange exchange, int status, String title, String bodyHtml) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpExchanges.send(exchange, status, "text/html; charset=utf-8", HtmlPage.of(title, bodyHtml));
    }
}
