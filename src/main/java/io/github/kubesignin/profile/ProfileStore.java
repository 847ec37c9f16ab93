package io.github.kubesignin.profile;

import io.github.kubesignin.files.AtomicFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles file: one {@code NAME.FIELD=value} line per setting, read without any YAML or JSON library so that
 * {@code get-token} stays fast. A malformed file is refused with its line number and is never overwritten.
 */
public final class ProfileStore {
    private static final String HEADER = """
            # kubesignin profiles: written by kubesignin, one NAME.SETTING=value per line.
            # Secrets are not kept here: client secrets, passwords and refresh tokens live in the OS keychain.
            """;

    private static final String REQUIRED_CLAIM = "apiserver.required-claim.";

    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** All profiles, in the order they were added. */
    public List<Profile> list() {
        return new ArrayList<>(readAll().values());
    }

    public Optional<Profile> find(String name) {
        return Optional.ofNullable(readAll().get(name));
    }

    /** The named profile, or an {@link UnknownProfileException} that lists the existing names. */
    public Profile get(String name) {
        Map<String, Profile> all = readAll();
        Profile profile = all.get(name);
        if (profile == null) {
            throw new UnknownProfileException(name, List.copyOf(all.keySet()));
        }
        return profile;
    }

    /** Adds the profile or replaces the one with the same name. */
    public void save(Profile profile) {
        Map<String, Profile> all = readAll();
        all.put(profile.name(), profile);
        writeAll(all);
    }

    /** Removes the named profile; false when there was none. */
    public boolean remove(String name) {
        Map<String, Profile> all = readAll();
        if (all.remove(name) == null) {
            return false;
        }
        writeAll(all);
        return true;
    }

    private Map<String, Profile> readAll() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, String>> fieldsByName = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            int dot = line.indexOf('.');
            if (eq < 0 || dot < 0 || dot > eq) {
                throw malformed(i + 1, "expected NAME.SETTING=value");
            }
            String name = line.substring(0, dot);
            String key = line.substring(dot + 1, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!ProfileValidator.isValidName(name)) {
                throw malformed(i + 1, "'" + name + "' is not a valid profile name");
            }
            // plain loops and no lambdas: this runs on get-token's start-up path
            Map<String, String> fields = fieldsByName.get(name);
            if (fields == null) {
                fields = new LinkedHashMap<>();
                fieldsByName.put(name, fields);
                firstLine.put(name, i + 1);
            }
            fields.put(key, value);
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> entry : fieldsByName.entrySet()) {
            profiles.put(entry.getKey(), toProfile(entry.getKey(), entry.getValue(), firstLine.get(entry.getKey())));
        }
        return profiles;
    }

    private Profile toProfile(String name, Map<String, String> fields, int line) {
        String issuer = fields.get("issuer");
        String clientId = fields.get("client-id");
        if (issuer == null || clientId == null) {
            throw malformed(line, "profile '" + name + "' lacks " + (issuer == null ? "issuer" : "client-id"));
        }
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> requiredClaims = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getKey().startsWith("param.")) {
                params.put(field.getKey().substring("param.".length()), field.getValue());
            } else if (field.getKey().startsWith(REQUIRED_CLAIM)) {
                requiredClaims.put(field.getKey().substring(REQUIRED_CLAIM.length()), field.getValue());
            }
        }
        try {
            return new Profile(
                    name,
                    URI.create(issuer),
                    clientId,
                    ClientAuthentication.fromWord(fields.getOrDefault("auth", "public")),
                    fields.containsKey("scopes") ? words(fields.get("scopes")) : Profile.DEFAULT_SCOPES,
                    params,
                    fields.get("username-claim"),
                    fields.getOrDefault("groups-claim", Profile.DEFAULT_GROUPS_CLAIM),
                    fields.containsKey("ca-file") ? Path.of(fields.get("ca-file")) : null,
                    fields.get("username"),
                    new ClusterSettings(
                            path(fields.get("cluster.kubeconfig")),
                            fields.get("cluster.mode"),
                            fields.get("cluster.user"),
                            fields.get("cluster.context"),
                            fields.get("cluster.server"),
                            path(fields.get("cluster.certificate-authority")),
                            fields.get("cluster.certificate-authority-data")),
                    new ApiServerSettings(
                            fields.containsKey("apiserver.issuer-url") ? URI.create(fields.get("apiserver.issuer-url")) : null,
                            fields.containsKey("apiserver.audiences") ? words(fields.get("apiserver.audiences")) : null,
                            fields.get("apiserver.username-prefix"),
                            fields.get("apiserver.groups-prefix"),
                            requiredClaims,
                            fields.containsKey("apiserver.signing-algs") ? words(fields.get("apiserver.signing-algs")) : null),
                    new SignInSettings(
                            SignInMethod.fromWord(fields.getOrDefault("sign-in", SignInMethod.PASSWORD.word())),
                            redirectPort(fields.get("redirect-port"))));
        } catch (IllegalArgumentException e) {
            throw malformed(line, "profile '" + name + "': " + e.getMessage());
        }
    }

    private static int redirectPort(String value) {
        if (value == null) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // same message as out of range
        }
        throw new IllegalArgumentException("redirect-port '" + value + "' is not a port number (1-65535)");
    }

    /** Space-separated words, split without regex (this runs on get-token's start-up path). */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split(" ")) {
            if (!word.isBlank()) {
                words.add(word.strip());
            }
        }
        return words;
    }

    private void writeAll(Map<String, Profile> profiles) {
        StringBuilder out = new StringBuilder(HEADER);
        for (Profile p : profiles.values()) {
            out.append('\n');
            line(out, p, "issuer", p.issuer().toString());
            line(out, p, "client-id", p.clientId());
            line(out, p, "auth", p.authentication().word());
            line(out, p, "scopes", String.join(" ", p.scopes()));
            p.extraParameters().forEach((k, v) -> line(out, p, "param." + k, v));
            line(out, p, "username-claim", p.usernameClaim());
            line(out, p, "groups-claim", p.groupsClaim());
            p.caFileIfAny().ifPresent(ca -> line(out, p, "ca-file", ca.toAbsolutePath().toString()));
            p.usernameIfAny().ifPresent(u -> line(out, p, "username", u));
            if (!p.signIn().equals(SignInSettings.DEFAULT)) { // only when set, so older files stay as they were
                line(out, p, "sign-in", p.signInMethod().word());
                if (p.signIn().hasFixedRedirectPort()) {
                    line(out, p, "redirect-port", Integer.toString(p.signIn().redirectPort()));
                }
            }
            ClusterSettings c = p.cluster();
            optionalLine(out, p, "cluster.kubeconfig", c.kubeconfig());
            optionalLine(out, p, "cluster.mode", c.mode());
            optionalLine(out, p, "cluster.user", c.user());
            optionalLine(out, p, "cluster.context", c.context());
            optionalLine(out, p, "cluster.server", c.server());
            optionalLine(out, p, "cluster.certificate-authority", c.certificateAuthority());
            optionalLine(out, p, "cluster.certificate-authority-data", c.certificateAuthorityData());
            ApiServerSettings a = p.apiServer();
            optionalLine(out, p, "apiserver.issuer-url", a.issuerUrl());
            optionalLine(out, p, "apiserver.audiences", a.audiences().isEmpty() ? null : String.join(" ", a.audiences()));
            optionalLine(out, p, "apiserver.username-prefix", a.usernamePrefix());
            optionalLine(out, p, "apiserver.groups-prefix", a.groupsPrefix());
            a.requiredClaims().forEach((claim, value) -> line(out, p, REQUIRED_CLAIM + claim, value));
            optionalLine(out, p, "apiserver.signing-algs", a.signingAlgs().isEmpty() ? null : String.join(" ", a.signingAlgs()));
        }
        try {
            AtomicFileWriter.write(file, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void optionalLine(StringBuilder out, Profile profile, String key, Object value) {
        if (value != null) {
            line(out, profile, key, value instanceof Path path ? path.toAbsolutePath().toString() : value.toString());
        }
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

    private static void line(StringBuilder out, Profile profile, String key, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(key + " must not contain a line break");
        }
        out.append(profile.name()).append('.').append(key).append('=').append(value).append('\n');
    }

    private MalformedProfileFileException malformed(int line, String reason) {
        return new MalformedProfileFileException(file + ":" + line + ": " + reason + "; the file was left unchanged");
    }
}
