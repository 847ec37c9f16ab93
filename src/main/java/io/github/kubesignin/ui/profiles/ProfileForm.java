package io.github.kubesignin.ui.profiles;

import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.ClusterSettings;
import io.github.kubesignin.profile.Profile;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the form's texts into a {@link Profile} and back, with the same conventions as the command line
 * (scopes separated by spaces, extra parameters as KEY=VALUE).
 */
final class ProfileForm {
    private ProfileForm() {
    }

    /** Thrown when a field cannot even be parsed; {@code field} names the form field. */
    static final class UnparsableField extends RuntimeException {
        final String field;

        UnparsableField(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    static Profile toProfile(String name, String issuer, String clientId, ClientAuthentication authentication,
                             String scopes, String extraParameters, String usernameClaim, String groupsClaim,
                             String caFile, String username, ClusterSettings cluster) {
        return new Profile(name.strip(), issuerUri(issuer.strip()), clientId.strip(), authentication, scopes(scopes),
                parameters(extraParameters), usernameClaim.strip(), groupsClaim.strip(),
                caFile.isBlank() ? null : Path.of(caFile.strip()), username.isBlank() ? null : username.strip(), cluster);
    }

    /** The redirect port field: empty for any free port. */
    static int port(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            throw new UnparsableField(ProfilesViewModel.REDIRECT_PORT, "redirect port '" + trimmed + "': not a number");
        }
    }

    static URI issuerUri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new UnparsableField(ProfilesViewModel.ISSUER, "issuer '" + text + "': not a URL (" + e.getReason() + ")");
        }
    }

    static List<String> scopes(String text) {
        return Arrays.stream(text.strip().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** "audience=https://api, other=x": pairs separated by commas or line breaks. */
    static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : text.split("[,\\n]")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new UnparsableField(ProfilesViewModel.PARAMETERS, "extra parameter '" + trimmed + "': write it as KEY=VALUE");
            }
            parameters.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return parameters;
    }

    static String parametersText(Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        parameters.forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ").append(key).append('=').append(value));
        return text.toString();
    }

    /** Which form field a validator sentence is about, by its opening words. */
    static String fieldOf(String problem) {
        if (problem.startsWith("profile name")) {
            return ProfilesViewModel.NAME;
        }
        if (problem.startsWith("issuer")) {
            return ProfilesViewModel.ISSUER;
        }
        if (problem.startsWith("client id")) {
            return ProfilesViewModel.CLIENT_ID;
        }
        if (problem.startsWith("client secret")) {
            return ProfilesViewModel.CLIENT_SECRET;
        }
        if (problem.startsWith("scopes")) {
            return ProfilesViewModel.SCOPES;
        }
        if (problem.startsWith("CA file")) {
            return ProfilesViewModel.CA_FILE;
        }
        if (problem.startsWith("redirect port")) {
            return ProfilesViewModel.REDIRECT_PORT;
        }
        return ProfilesViewModel.GENERAL;
    }
}
