package io.github.kubesignin;

/**
 * The jar's entry point: a command word goes to the command line, nothing (or {@code gui}) opens the window. It
 * names no JavaFX type, so the command line and {@code get-token} never load the toolkit.
 */
public final class Main {
    private static final String GUI_LAUNCHER = "io.github.kubesignin.ui.GuiLauncher";

    private Main() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length == 0 || args[0].equals("gui")) {
            Class.forName(GUI_LAUNCHER).getMethod("launch", String[].class).invoke(null, (Object) args);
            return;
        }
        // exit explicitly: a keychain library may leave non-daemon threads behind
        var getTokenProfile = io.github.kubesignin.cli.GetTokenMain.simpleInvocation(args);
        System.exit(getTokenProfile.isPresent()
                ? io.github.kubesignin.cli.GetTokenMain.run(getTokenProfile.get())
                : io.github.kubesignin.cli.CommandLineMain.run(args));
    }
}
