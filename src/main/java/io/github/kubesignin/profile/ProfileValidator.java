package io.github.kubesignin.profile;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;

/** Checks a profile before it is saved; each problem is a sentence a person can act on. */
public final class ProfileValidator {

    private ProfileValidator() {
    }

    /** Errors stop the save; warnings are shown and the save goes on. */
    public record Result(List<String> errors, List<String> warnings) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Letters, digits, '-' and '_', at most 63, starting with a letter or digit. Checked without regex: get-token runs it. */
    public static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > 63) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && (i == 0 || (c != '-' && c != '_'))) {
                return false;
            }
        }
        return true;
    }

    public static Result validate(Profile profile) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!isValidName(profile.name())) {
            errors.add("profile name '" + profile.name() + "': use letters, digits, '-' and '_' (at most 63, starting with a letter or digit)");
        }
        checkIssuer(profile.issuer(), errors, warnings);
        if (profile.clientId().isBlank()) {
            errors.add("client id: must not be empty");
        }
        if (!profile.scopes().contains("openid")) {
            warnings.add("scopes: 'openid' is missing, so the issuer will return no id_token");
        }
        profile.caFileIfAny().ifPresent(ca -> checkCaFile(ca).ifPresent(errors::add));
        checkSignIn(profile.signIn(), errors, warnings);
        return new Result(List.copyOf(errors), List.copyOf(warnings));
    }

    private static void checkSignIn(SignInSettings signIn, List<String> errors, List<String> warnings) {
        int port = signIn.redirectPort();
        if (port < 0 || port > 65535) {
            errors.add("redirect port " + port + ": must be between 1 and 65535 (or none, for any free port)");
        } else if (port != 0 && port < 1024) {
            errors.add("redirect port " + port + ": ports below 1024 need administrator rights; pick one from 1024 to 65535");
        } else if (port != 0 && signIn.method() != SignInMethod.BROWSER) {
            warnings.add("redirect port " + port + ": used only by the browser sign-in, not by " + signIn.method().word());
        }
    }

    private static void checkIssuer(URI issuer, List<String> errors, List<String> warnings) {
        String text = issuer.toString();
        if (!issuer.isAbsolute() || issuer.getHost() == null) {
            errors.add("issuer '" + text + "': must be an absolute URL such as https://idp.example.com/realms/kube");
            return;
        }
        if (issuer.getQuery() != null || issuer.getFragment() != null) {
            errors.add("issuer '" + text + "': must not have a query or fragment");
        }
        String scheme = issuer.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(issuer.getHost())) {
            warnings.add("issuer '" + text + "': plain http is accepted only because it is a loopback address;"
                    + " the Kubernetes API server requires https");
            return;
        }
        errors.add("issuer '" + text + "': must use https (plain http only on a loopback address such as 127.0.0.1)");
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name: do not resolve it, the check must not touch the network
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Empty when the file is a readable PEM with at least one certificate, else the reason. */
    public static java.util.Optional<String> checkCaFile(Path ca) {
        if (!Files.isReadable(ca)) {
            return java.util.Optional.of("CA file '" + ca + "': not found or not readable");
        }
        try (InputStream in = Files.newInputStream(ca)) {
            String text = new String(Files.readAllBytes(ca), java.nio.charset.StandardCharsets.US_ASCII);
            if (!text.contains("-----BEGIN CERTIFICATE-----")) {
                return java.util.Optional.of("CA file '" + ca + "': not a PEM certificate (no BEGIN CERTIFICATE line)");
            }
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                return java.util.Optional.of("CA file '" + ca + "': holds no certificate");
            }
            return java.util.Optional.empty();
        } catch (IOException | CertificateException e) {
            return java.util.Optional.of("CA file '" + ca + "': not a readable PEM certificate (" + e.getMessage() + ")");
        }
    }
}
