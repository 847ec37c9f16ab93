package io.github.kubesignin.issuer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** {@code POST /token}: records the request, then authenticates the client and runs the grant. */
final class TokenEndpoint implements IssuerRouter.Endpoint {
    private final ClientAuthenticator clients;
    private final TokenIssuer tokens;
    private final TokenRequestLog log;
    private final ResponseControls controls;

    TokenEndpoint(ClientAuthenticator clients, TokenIssuer tokens, TokenRequestLog log, ResponseControls controls) {
        this.clients = clients;
        this.tokens = tokens;
        this.log = log;
        this.controls = controls;
    }

    @Override
    public void serve(HttpExchange exchange) throws IOException {
        FormData form;
        try {
            form = FormData.read(exchange);
        } catch (OAuthException e) {
            log.record(FormData.empty(), ClientAuthenticator.attemptedMethod(exchange.getRequestHeaders(),
                    FormData.empty()));
            HttpExchanges.sendError(exchange, e);
            return;
        }
        log.record(form, ClientAuthenticator.attemptedMethod(exchange.getRequestHeaders(), form));
        ResponseControls.CannedResponse canned = controls.takeNextTokenResponse();
        if (canned != null) {
            HttpExchanges.send(exchange, canned.status(), canned.contentType(), canned.body());
            return;
        }
        try {
            form.required("grant_type");
            IssuerClient client = clients.authenticate(exchange.getRequestHeaders(), form);
            HttpExchanges.sendNoStoreJson(exchange, 200, tokens.grant(client, form));
        } catch (OAuthException e) {
            HttpExchanges.sendError(exchange, e);
        }
    }
}
