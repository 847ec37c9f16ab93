package io.github.kubesignin.app;

import java.net.URI;

/**
 * Opens a web page in the person's browser: the port through which the browser sign-in reaches the desktop, so that
 * tests can play the browser instead. The window uses JavaFX's HostServices; the command line uses {@link SystemBrowser}.
 */
@FunctionalInterface
public interface BrowserLauncher {
    /** Tries to open {@code url}; false when no browser could be started (the caller shows the URL instead). */
    boolean open(URI url);
}
