package io.github.kubesignin.app;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Opens a URL with the operating system's own opener: {@code xdg-open} on Linux and BSD (only with a graphical
 * session), {@code open} on macOS, {@code rundll32 url.dll,FileProtocolHandler} on Windows. No AWT: it would load a
 * toolkit into the command line. The URL is passed as one argument, never through a shell.
 */
public final class SystemBrowser implements BrowserLauncher {
    private final Map<String, String> environment;
    private final String osName;

    public SystemBrowser(Map<String, String> environment) {
        this(environment, System.getProperty("os.name", ""));
    }

    SystemBrowser(Map<String, String> environment, String osName) {
        this.environment = Map.copyOf(environment);
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    /** The opener's command line for this system, or empty when none applies (e.g. Linux without a display). */
    List<String> command(URI url) {
        String text = url.toString();
        if (osName.startsWith("windows")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", text);
        }
        if (osName.startsWith("mac")) {
            return List.of("open", text);
        }
        boolean graphical = environment.containsKey("DISPLAY") || environment.containsKey("WAYLAND_DISPLAY");
        return graphical ? List.of("xdg-open", text) : List.of();
    }

    @Override
    public boolean open(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return false; // only web pages: the URL comes from a discovery document
        }
        List<String> command = command(url);
        if (command.isEmpty()) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(osName.startsWith("windows") ? "NUL" : "/dev/null")))
                    .start();
            // openers hand over to the browser and end; one that is still running has most likely opened it
            return !process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
