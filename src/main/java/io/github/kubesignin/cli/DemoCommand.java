package io.github.kubesignin.cli;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run an HTTPS OpenID Connect issuer on 127.0.0.1 with a demo user, and point the profile 'demo' at it. Ctrl-C stops it.")
final class DemoCommand implements Callable<Integer> {
    static final String PROFILE = "demo";

    private final CliEnvironment env;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default: any free port).")
    int port;

    DemoCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        try (EmbeddedIssuer issuer = EmbeddedIssuer.demo().port(port).start()) {
            Path ca = issuer.certificateAuthority().writeCertificatePem(env.app().directories().config().resolve("demo-ca.pem"));
            Profile fresh = new Profile(PROFILE, issuer.issuerUrl(), DemoData.CLIENT_ID, ClientAuthentication.PUBLIC,
                    Profile.DEFAULT_SCOPES, Map.of(), "email", Profile.DEFAULT_GROUPS_CLAIM, ca, DemoData.USER);
            // what was chosen for the demo profile (sign-in method, kubeconfig target) outlives a restart
            Profile profile = env.app().profileStore().find(PROFILE)
                    .map(previous -> fresh.withSignIn(previous.signIn()).withCluster(previous.cluster())).orElse(fresh);
            env.app().profileService().save(profile, Optional.empty());
            env.out().println("Demo issuer running at " + issuer.issuerUrl() + " (its CA certificate: " + ca + ").");
            env.out().println("Profile '" + PROFILE + "' now points at it.");
            env.out().println();
            env.out().println("  user:      " + DemoData.USER + "   password: " + DemoData.PASSWORD + "   (" + DemoData.EMAIL + ", groups "
                    + String.join(", ", DemoData.GROUPS) + ")");
            env.out().println("  also:      " + DemoData.UNVERIFIED_USER + "     password: " + DemoData.UNVERIFIED_PASSWORD + "     (e-mail not verified)");
            env.out().println();
            env.out().println("In another terminal:");
            env.out().println("  kubesignin login --profile " + PROFILE);
            env.out().println("  kubesignin profile show " + PROFILE);
            env.out().println();
            env.out().println("Press Ctrl-C to stop.");
            env.out().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "demo-stop"));
            stopped.await();
        }
        return 0;
    }

    /** Lets tests stop the command as Ctrl-C would. */
    void stop() {
        stopped.countDown();
    }
}
