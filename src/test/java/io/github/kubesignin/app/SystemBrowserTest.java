package io.github.kubesignin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which opener each system gets; the URL is one argument, never a shell line. */
class SystemBrowserTest {
    static final URI URL = URI.create("https://idp.example.com/authorize?a=1&b=2;rm%20-rf");

    @Test
    void linuxUsesXdgOpenOnlyWithADisplay() {
        assertThat(new SystemBrowser(Map.of("DISPLAY", ":0"), "Linux").command(URL)).containsExactly("xdg-open", URL.toString());
        assertThat(new SystemBrowser(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux").command(URL)).containsExactly("xdg-open", URL.toString());
        assertThat(new SystemBrowser(Map.of(), "Linux").command(URL)).isEmpty(); // an ssh session: print the URL instead
        assertThat(new SystemBrowser(Map.of(), "Linux").open(URL)).isFalse();
    }

    @Test
    void macAndWindows() {
        assertThat(new SystemBrowser(Map.of(), "Mac OS X").command(URL)).containsExactly("open", URL.toString());
        assertThat(new SystemBrowser(Map.of(), "Windows 11").command(URL))
                .containsExactly("rundll32", "url.dll,FileProtocolHandler", URL.toString());
    }

    @Test
    void onlyWebPagesAreOpened() {
        assertThat(new SystemBrowser(Map.of("DISPLAY", ":0"), "Linux").open(URI.create("file:///etc/passwd"))).isFalse();
    }
}
