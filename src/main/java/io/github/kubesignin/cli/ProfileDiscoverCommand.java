package io.github.kubesignin.cli;

import io.github.kubesignin.oidc.ProviderInfo;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.profile.SignInMethod;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Fetch the issuer's discovery document and say what will and will not work.")
final class ProfileDiscoverCommand implements Callable<Integer> {
    private final CliEnvironment env;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    ProfileDiscoverCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Profile profile = env.app().profileStore().get(name);
        ProviderInfo info = env.app().oidc().discover(profile);
        env.out().printf("%-22s %s%n", "issuer:", info.issuer());
        env.out().printf("%-22s %s%n", "token endpoint:", info.tokenEndpoint());
        env.out().printf("%-22s %s%n", "key set:", info.jwksUri());
        env.out().printf("%-22s %s%n", "revocation endpoint:", info.revocationEndpoint().map(Object::toString).orElse("(none)"));
        env.out().printf("%-22s %s%n", "grant types:", info.grantTypesSupported().isEmpty() ? "(not advertised)" : String.join(" ", info.grantTypesSupported()));
        env.out().printf("%-22s %s%n", "signing algorithms:", String.join(" ", info.signingAlgorithms()));
        for (SignInMethod method : SignInMethod.values()) {
            String mark = method == profile.signInMethod() ? " (the profile's)" : "";
            env.out().printf("%-22s %s%n", "sign-in " + method.word() + ":", info.whyNotSupported(method)
                    .map(why -> "no: " + why).orElse("yes") + mark);
        }
        info.warnings().forEach(w -> env.err().println("warning: " + w));
        if (info.warnings().isEmpty()) {
            env.out().println("Looks good: the issuer matches the profile and offers its sign-in method ("
                    + profile.signInMethod().word() + ").");
        }
        return info.warnings().isEmpty() ? 0 : 1;
    }
}
