package io.github.kubesignin.ui.tray;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.issuer.EmbeddedIssuer;
import io.github.kubesignin.session.CachedToken;
import io.github.kubesignin.ui.UiFixture;
import java.awt.EventQueue;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.Point;
import java.awt.PopupMenu;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs in a child JVM on the test's X server (with a tray host): signs a profile in at the embedded issuer with
 * 8-second tokens, puts the tray icon up, and reports on stdout, one {@code key=value} per line: whether the icon is
 * painted, what the menu shows, what its items do, whether the reminder balloon appeared and whether clicking it
 * renewed the token. Exits 0 when everything happened.
 */
public final class TrayChildMain {
    private static final List<String> actionsCalled = new CopyOnWriteArrayList<>();

    private TrayChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        boolean ok;
        try (EmbeddedIssuer issuer = EmbeddedIssuer.demo().idTokenLifetime(Duration.ofSeconds(8)).start();
             UiFixture fixture = new UiFixture(home, issuer)) {
            var app = fixture.app;
            var profile = fixture.saveDemoProfile("work");
            app.sessions().login(profile, DemoData.USER, DemoData.PASSWORD.toCharArray(), false);
            CachedToken first = app.sessions().cached("work").orElseThrow();

            System.out.println("tray-supported=" + ReminderTray.isSupported());
            ReminderTray tray = ReminderTray.install(app, recordingActions()).orElseThrow();
            System.out.println("tray-icon-size=" + SystemTray.getSystemTray().getTrayIconSize().width);

            boolean iconVisible = waitFor(Duration.ofSeconds(10), TrayChildMain::iconPainted);
            System.out.println("icon-visible=" + iconVisible);
            List<String> labels = menuLabels();
            System.out.println("menu=" + String.join(" | ", labels));
            clickMenuItem("Open kubesignin");
            clickMenuItem("Open inspector");
            boolean menuActs = waitFor(Duration.ofSeconds(5), () -> actionsCalled.containsAll(List.of("open-window", "inspector:work")));
            System.out.println("menu-actions=" + actionsCalled);

            Optional<Window> balloon = waitForBalloon(Duration.ofSeconds(15));
            System.out.println("reminder-shown=" + balloon.isPresent());
            if (args.length > 1) { // a screenshot with the balloon, for a person to look at
                javax.imageio.ImageIO.write(new Robot().createScreenCapture(
                        new Rectangle(Toolkit.getDefaultToolkit().getScreenSize())), "png", Path.of(args[1]).toFile());
            }
            boolean renewed = false;
            if (balloon.isPresent()) {
                click(balloon.get());
                renewed = waitFor(Duration.ofSeconds(10),
                        () -> app.sessions().cached("work").filter(token -> !token.equals(first)).isPresent());
            }
            System.out.println("renewed-by-click=" + renewed);
            System.out.println("refresh-requests=" + issuer.tokenRequests("refresh_token"));
            tray.close();
            ok = iconVisible && labels.stream().anyMatch(label -> label.startsWith("work: alice@example.com until "))
                    && labels.contains("Open kubesignin") && labels.contains("Quit") && menuActs && balloon.isPresent()
                    && renewed;
        }
        System.exit(ok ? 0 : 1);
    }

    private static TrayActions recordingActions() {
        return new TrayActions() {
            @Override public void signIn(String profile) { actionsCalled.add("sign-in:" + profile); }
            @Override public void openInspector(String profile) { actionsCalled.add("inspector:" + profile); }
            @Override public void openWindow() { actionsCalled.add("open-window"); }
            @Override public void quit() { actionsCalled.add("quit"); }
        };
    }

    /** The tray menu's labels, submenus flattened after their own label, once the menu has its profile entry. */
    static List<String> menuLabels() throws Exception {
        waitFor(Duration.ofSeconds(10), () -> onEdt(() -> popup().getItemCount() > 0));
        return onEdt(() -> {
            List<String> labels = new ArrayList<>();
            collect(popup(), labels);
            return labels;
        });
    }

    private static void collect(Menu menu, List<String> labels) {
        for (int i = 0; i < menu.getItemCount(); i++) {
            MenuItem item = menu.getItem(i);
            labels.add(item.getLabel());
            if (item instanceof Menu submenu) {
                collect(submenu, labels);
            }
        }
    }

    /** What choosing the item does: its listeners get the event AWT would send, on AWT's thread. */
    static void clickMenuItem(String label) throws Exception {
        onEdt(() -> {
            MenuItem item = find(popup(), label).orElseThrow(() -> new AssertionError("no menu item " + label));
            ActionEvent event = new ActionEvent(item, ActionEvent.ACTION_PERFORMED, item.getActionCommand());
            Arrays.stream(item.getActionListeners()).forEach(listener -> listener.actionPerformed(event));
            return null;
        });
    }

    private static Optional<MenuItem> find(Menu menu, String label) {
        for (int i = 0; i < menu.getItemCount(); i++) {
            MenuItem item = menu.getItem(i);
            if (item.getLabel().equals(label)) {
                return Optional.of(item);
            }
            if (item instanceof Menu submenu) {
                Optional<MenuItem> inside = find(submenu, label);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    private static PopupMenu popup() {
        return SystemTray.getSystemTray().getTrayIcons()[0].getPopupMenu();
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
    static Optional<Window> waitForBalloon(Duration timeout) throws InterruptedException {
        AtomicReference<Window> found = new AtomicReference<>();
        waitFor(timeout, () -> {
            Arrays.stream(Window.getWindows())
                    .filter(w -> w.isShowing() && w.getClass().getName().contains("Balloon"))
                    .findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return Optional.ofNullable(found.get());
    }

    /** A real click with the X server's pointer, as a person would click the notification. */
    static void click(Window window) throws Exception {
        Point at = onEdt(() -> {
            Point corner = window.getLocationOnScreen();
            return new Point(corner.x + window.getWidth() / 2, corner.y + window.getHeight() / 2);
        });
        Robot robot = new Robot();
        robot.mouseMove(at.x, at.y);
        robot.delay(100);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
    }

    static <T> T onEdt(java.util.concurrent.Callable<T> task) throws Exception {
        java.util.concurrent.FutureTask<T> future = new java.util.concurrent.FutureTask<>(task);
        EventQueue.invokeLater(future);
        return future.get();
    }

    static boolean waitFor(Duration timeout, Check condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (condition.holds()) {
                    return true;
                }
            } catch (Exception e) {
                // not yet: e.g. the icon is not in the tray yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    interface Check {
        boolean holds() throws Exception;
    }
}
