package io.github.kubesignin.issuer;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** {@code POST /revoke} (RFC 7009): the client revokes one of its refresh tokens; unknown tokens are fine too. */
final class RevocationEndpoint implements IssuerRouter.Endpoint {
    private final ClientAuthenticator clients;
    private final RefreshTokens refreshTokens;

    RevocationEndpoint(ClientAuthenticator clients, RefreshTokens refreshTokens) {
        this.clients = clients;
        this.refreshTokens = refreshTokens;
    }

    @Override
    public void serve(HttpExchange exchange) throws IOException {
        try {
            FormData form = FormData.read(exchange);
            IssuerClient client = clients.authenticate(exchange.getRequestHeaders(), form);
            refreshTokens.revoke(form.required("token"), client.clientId());
            HttpExchanges.send(exchange, 200, null, "");
        } catch (OAuthException e) {
            HttpExchanges.sendError(exchange, e);
        }
    }
}
