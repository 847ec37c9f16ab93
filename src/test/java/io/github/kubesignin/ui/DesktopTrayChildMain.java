package io.github.kubesignin.ui;

import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Runs the whole desktop app in a child JVM on the test's X server and acts as the person would. With a tray host:
 * closes the window, reopens it from the tray menu, then quits from the tray menu. With {@code no-tray}: looks for
 * the banner that stands in for the tray, then closes the window. Reports {@code key=value} lines on stdout; the
 * app must end by itself (the JVM is not exited for it).
 */
public final class DesktopTrayChildMain {
    private DesktopTrayChildMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean withTray = !(args.length > 0 && args[0].equals("no-tray"));
        Thread person = new Thread(withTray ? DesktopTrayChildMain::actLikeAPerson : DesktopTrayChildMain::closeWithoutTray,
                "person");
        person.setDaemon(true);
        person.start();
        Application.launch(DesktopApp.class);
        System.out.println("app-ended=true");
        System.exit(0);
    }

    private static void closeWithoutTray() {
        try {
            Stage stage = waitForStage(false);
            report("tray-icons", onEdt(() -> SystemTray.isSupported() ? SystemTray.getSystemTray().getTrayIcons().length : 0));
            report("banner-shown", onFx(() -> stage.getScene().lookup("#no-tray-banner") != null
                    && stage.getScene().lookup("#no-tray-banner").isVisible()));
            closeLikeTheWindowManager(stage);
        } catch (Exception | AssertionError e) {
            report("person-failed", e);
        }
    }

    private static void actLikeAPerson() {
        try {
            Stage stage = waitForStage(true);
            report("window-shown", onFx(stage::isShowing));
            report("tray-icons", onEdt(() -> SystemTray.getSystemTray().getTrayIcons().length));

            closeLikeTheWindowManager(stage);
            Thread.sleep(1_500);
            report("window-showing-after-close", onFx(stage::isShowing));
            report("still-running-balloon", onEdt(DesktopTrayChildMain::balloonShowing));
            Path settings = Path.of(System.getenv("HOME"), ".config", "kubesignin", "window.properties");
            report("told-once-saved", Files.exists(settings) && Files.readString(settings).contains("tray.told-still-running=true"));

            chooseFromTrayMenu("Open kubesignin");
            Thread.sleep(1_000);
            report("window-showing-after-open", onFx(stage::isShowing));

            chooseFromTrayMenu("Quit");
        } catch (Exception | AssertionError e) {
            report("person-failed", e);
        }
    }

    /** What Glass does when the window manager asks a window to close: the request event, then hiding. */
    private static void closeLikeTheWindowManager(Stage stage) throws Exception {
        onFx(() -> {
            WindowEvent request = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
            stage.fireEvent(request);
            if (!request.isConsumed()) {
                stage.hide();
            }
            return null;
        });
    }

    private static void chooseFromTrayMenu(String label) throws Exception {
        onEdt(() -> {
            PopupMenu menu = SystemTray.getSystemTray().getTrayIcons()[0].getPopupMenu();
            for (int i = 0; i < menu.getItemCount(); i++) {
                MenuItem item = menu.getItem(i);
                if (item.getLabel().equals(label)) {
                    ActionEvent event = new ActionEvent(item, ActionEvent.ACTION_PERFORMED, item.getActionCommand());
                    Arrays.stream(item.getActionListeners()).forEach(listener -> listener.actionPerformed(event));
                    return null;
                }
            }
            throw new AssertionError("no tray menu item " + label);
        });
    }

    private static boolean balloonShowing() {
        return Arrays.stream(Window.getWindows()).anyMatch(w -> w.isShowing() && w.getClass().getName().contains("Balloon"));
    }

    private static Stage waitForStage(boolean withTrayIcon) throws Exception {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                Stage stage = onFx(() -> javafx.stage.Window.getWindows().stream()
                        .filter(Stage.class::isInstance).map(Stage.class::cast).filter(Stage::isShowing)
                        .findFirst().orElse(null));
                if (stage != null && (!withTrayIcon || onEdt(() -> SystemTray.getSystemTray().getTrayIcons().length) > 0)) {
                    return stage;
                }
            } catch (IllegalStateException e) {
                // the toolkit is not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the window" + (withTrayIcon ? " and its tray icon" : "") + " did not appear within 30 s");
    }

    private static void report(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        FutureTask<T> future = new FutureTask<>(task);
        Platform.runLater(future);
        return future.get();
    }

    private static <T> T onEdt(Callable<T> task) throws Exception {
        FutureTask<T> future = new FutureTask<>(task);
        EventQueue.invokeLater(future);
        return future.get();
    }
}
