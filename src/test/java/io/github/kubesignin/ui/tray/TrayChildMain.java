package io.github.kubesignin.ui.tray;

import io.github.kubesignin.app.AppContext;
import io.github.kubesignin.app.AppDirectories;
import io.github.kubesignin.oidc.HttpSettings;
import io.github.kubesignin.profile.ClientAuthentication;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.secret.InMemorySecretStore;
import io.github.kubesignin.session.CachedToken;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Runs in a child JVM on the test's X server (with a tray host): puts the tray icon up for a profile whose token
 * expires in a few seconds, then reports on stdout whether the icon is painted on screen and whether a reminder
 * balloon appeared. Exits 0 when both happened.
 */
public final class TrayChildMain {
    private TrayChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        AppContext app = new AppContext(new AppDirectories(home.resolve("config"), home.resolve("cache"), home),
                Clock.systemUTC(), Map.of(), InMemorySecretStore::new, HttpSettings.DEFAULT);
        app.profileStore().save(new Profile("work", URI.create("https://idp.example.com"), "kube",
                ClientAuthentication.PUBLIC, Profile.DEFAULT_SCOPES, Map.of(), "email", "groups", null, null));
        // 6 s left: the 5-minute lead time is capped at half of that, so the reminder comes after about 3 s
        app.tokenCache().write("work", new CachedToken(jwt("alice@example.com"),
                app.clock().instant().plus(Duration.ofSeconds(6))));

        System.out.println("tray-supported=" + ReminderTray.isSupported());
        TrayActions none = new TrayActions() {
            @Override public void signIn(String profile) { }
            @Override public void openInspector(String profile) { }
            @Override public void openWindow() { }
            @Override public void quit() { }
        };
        ReminderTray tray = ReminderTray.install(app, none).orElseThrow();
        System.out.println("tray-icon-size=" + SystemTray.getSystemTray().getTrayIconSize().width);

        boolean iconVisible = waitFor(Duration.ofSeconds(10), TrayChildMain::iconPainted);
        System.out.println("icon-visible=" + iconVisible);
        boolean reminderShown = waitFor(Duration.ofSeconds(15), TrayChildMain::balloonShown);
        System.out.println("reminder-shown=" + reminderShown);
        if (args.length > 1) { // a screenshot, for a person to look at
            javax.imageio.ImageIO.write(new Robot().createScreenCapture(
                    new Rectangle(Toolkit.getDefaultToolkit().getScreenSize())), "png", Path.of(args[1]).toFile());
        }
        tray.close();
        System.exit(iconVisible && reminderShown ? 0 : 1);
    }

    /** The icon's Kubernetes blue somewhere on the screen: the tray host embedded and painted it. */
    static boolean iconPainted() {
        try {
            Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
            BufferedImage shot = new Robot().createScreenCapture(screen);
            int blue = 0;
            for (int y = 0; y < shot.getHeight(); y++) {
                for (int x = 0; x < shot.getWidth(); x++) {
                    if ((shot.getRGB(x, y) & 0xFFFFFF) == 0x326CE5) {
                        blue++;
                    }
                }
            }
            return blue >= 20;
        } catch (Exception e) {
            return false;
        }
    }

    /** AWT shows {@code TrayIcon.displayMessage} as a small window of its own next to the icon. */
    static boolean balloonShown() {
        return Arrays.stream(Window.getWindows())
                .anyMatch(w -> w.isShowing() && w.getClass().getName().contains("Balloon"));
    }

    static boolean waitFor(Duration timeout, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    static String jwt(String email) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"email\":\"" + email + "\"}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
