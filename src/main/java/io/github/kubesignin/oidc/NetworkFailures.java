package io.github.kubesignin.oidc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Turns the JDK's network exceptions into one sentence that names the cause and the fix. */
final class NetworkFailures {
    private NetworkFailures() {
    }

    static OidcException describe(IOException e, URI url, Optional<Path> caFile, HttpSettings settings) {
        String where = url.getScheme() + "://" + url.getAuthority();
        if (e instanceof SocketTimeoutException) {
            return new OidcException(OidcProblem.TIMEOUT, "no answer from " + where + " within "
                    + seconds(e, settings) + ": the issuer is slow or unreachable", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new OidcException(OidcProblem.CONNECTION_FAILED, "cannot connect to " + where + " ("
                    + lowerFirst(e.getMessage()) + "): is the issuer running and is the URL right?", e);
        }
        if (e instanceof UnknownHostException) {
            return new OidcException(OidcProblem.CONNECTION_FAILED, "cannot connect to " + where
                    + ": unknown host '" + url.getHost() + "'", e);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLException) {
            return tlsFailure(e, where, caFile);
        }
        return new OidcException(OidcProblem.CONNECTION_FAILED, "cannot talk to " + where + ": " + e.getMessage(), e);
    }

    private static OidcException tlsFailure(IOException e, String where, Optional<Path> caFile) {
        String chain = messages(e);
        if (chain.contains("PKIX path") || chain.contains("unable to find valid certification path")) {
            String fix = caFile.map(ca -> "it is not signed by the CA in " + ca)
                    .orElse("its certificate authority is unknown: give the issuer's CA with --ca-file FILE.pem");
            return new OidcException(OidcProblem.UNTRUSTED_CERTIFICATE,
                    "the TLS certificate of " + where + " is not trusted: " + fix, e);
        }
        if (chain.contains("No subject alternative") || chain.contains("doesn't match")) {
            return new OidcException(OidcProblem.UNTRUSTED_CERTIFICATE,
                    "the TLS certificate of " + where + " is not valid for that host name", e);
        }
        if (chain.contains("Unsupported or unrecognized SSL message")) {
            return new OidcException(OidcProblem.CONNECTION_FAILED,
                    where + " does not speak TLS: is it a plain http server?", e);
        }
        return new OidcException(OidcProblem.UNTRUSTED_CERTIFICATE, "TLS with " + where + " failed: " + e.getMessage(), e);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    private static String seconds(IOException e, HttpSettings settings) {
        boolean connecting = String.valueOf(e.getMessage()).toLowerCase().contains("connect");
        return (connecting ? settings.connectTimeout() : settings.readTimeout()).toSeconds() + " s";
    }

    private static String lowerFirst(String text) {
        if (text == null || text.isEmpty()) {
            return "connection failed";
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
