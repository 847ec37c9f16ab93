package io.github.kubesignin.ui.tray;

import io.github.kubesignin.app.AppContext;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.reminder.Notice;
import io.github.kubesignin.reminder.NoticeText;
import io.github.kubesignin.reminder.ProfileAction;
import io.github.kubesignin.reminder.ReminderClick;
import io.github.kubesignin.reminder.ReminderScheduler;
import io.github.kubesignin.reminder.ReminderSettings;
import io.github.kubesignin.reminder.ReminderSettingsStore;
import io.github.kubesignin.reminder.TrayMenuItem;
import io.github.kubesignin.reminder.TrayMenuModel;
import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tray icon: its menu lists the profiles with their token state, and a timer drives the
 * {@link ReminderScheduler} to show reminders and renew tokens in the background.
 *
 * <p>One daemon thread does all the work (reading the cache, ticking the scheduler, renewing), so the scheduler needs
 * no locking and a slow issuer never blocks the AWT or JavaFX threads. It wakes at least every
 * {@link #POLL_INTERVAL}: that is how a token renewed by {@code get-token} in another process is noticed, and how
 * an overdue reminder fires within seconds after a sleep (the timer's clock does not run while the machine sleeps).
 */
public final class ReminderTray implements AutoCloseable {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    private final AppContext app;
    private final TrayActions actions;
    private final ReminderSettingsStore settings;
    private final ReminderScheduler scheduler;
    private final ScheduledExecutorService worker;
    private final TrayIcon icon;
    private final PopupMenu menu = new PopupMenu();
    private final ReminderClick click = new ReminderClick();
    private List<TrayMenuItem> shownItems = List.of();
    private ScheduledFuture<?> nextTick; // one pending tick at a time, however often tick() is called

    private ReminderTray(AppContext app, TrayActions actions) {
        this.app = app;
        this.actions = actions;
        this.settings = app.reminderSettings();
        this.scheduler = new ReminderScheduler(
                () -> profiles().stream().map(Profile::name).toList(),
                name -> app.sessions().cached(name),
                settings::settings,
                name -> app.sessions().renewNow(name));
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kubesignin-tray");
            thread.setDaemon(true); // never what keeps the JVM alive
            return thread;
        });
        int size = SystemTray.getSystemTray().getTrayIconSize().width;
        this.icon = new TrayIcon(TrayIconImage.forTraySize(size > 0 ? size : 24), "kubesignin", menu);
        icon.setImageAutoSize(true);
        // a click on a reminder (AWT does not tell it from a double-click on the icon) renews what it named
        icon.addActionListener(event -> click.clicked().ifPresentOrElse(this::refreshNow, actions::openWindow));
    }

    /** True when the desktop has a tray to put an icon in (false under a bare X server or headless). */
    public static boolean isSupported() {
        return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
    }

    /** Puts the icon in the tray and starts the timer; empty when there is no tray. */
    public static Optional<ReminderTray> install(AppContext app, TrayActions actions) {
        if (!isSupported()) {
            return Optional.empty();
        }
        ReminderTray tray = new ReminderTray(app, actions);
        try {
            SystemTray.getSystemTray().add(tray.icon);
        } catch (AWTException e) {
            tray.worker.shutdownNow();
            return Optional.empty(); // the tray went away between the check and the add
        }
        tray.worker.execute(tray::tick);
        return Optional.of(tray);
    }

    /** Shows a message from the tray icon, e.g. that closing the window kept the app running. */
    public void tell(String title, String body) {
        EventQueue.invokeLater(() -> icon.displayMessage(title, body, TrayIcon.MessageType.INFO));
    }

    /** Renews the profile now, in the background; a failure is shown from the tray with its reason. */
    public void refreshNow(String profile) {
        worker.execute(() -> {
            try {
                app.sessions().renewNow(profile);
                click.renewed(profile);
            } catch (RuntimeException e) {
                EventQueue.invokeLater(() -> icon.displayMessage("kubesignin: could not renew " + profile,
                        String.valueOf(e.getMessage()), TrayIcon.MessageType.ERROR));
            }
            tick(); // the menu shows the new expiry at once
        });
    }

    private void tick() {
        Instant now = app.clock().instant();
        try {
            for (Notice notice : scheduler.tick(now)) {
                NoticeText text = NoticeText.of(notice, now, app.zone());
                TrayIcon.MessageType type = notice instanceof Notice.RefreshFailed
                        ? TrayIcon.MessageType.ERROR : TrayIcon.MessageType.WARNING;
                click.shown(notice);
                EventQueue.invokeLater(() -> icon.displayMessage(text.title(), text.body(), type));
            }
            updateMenu(TrayMenuModel.build(profiles(), name -> app.sessions().cached(name), settings::settings, now,
                    app.zone()));
        } catch (RuntimeException e) {
            // e.g. a profiles file being edited by hand: keep the timer alive and try again on the next tick
            icon.setToolTip("kubesignin: " + e.getMessage());
        } finally {
            scheduleNextTick(now);
        }
    }

    private void scheduleNextTick(Instant now) {
        if (worker.isShutdown()) {
            return;
        }
        Duration delay = POLL_INTERVAL;
        Optional<Instant> due = scheduler.nextWakeUp();
        if (due.isPresent() && Duration.between(now, due.get()).compareTo(delay) < 0) {
            delay = Duration.between(now, due.get());
        }
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        nextTick = worker.schedule(this::tick, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void updateMenu(List<TrayMenuItem> items) {
        if (items.equals(shownItems)) {
            return; // rebuilding an open menu every few seconds would close it under the person's pointer
        }
        shownItems = items;
        EventQueue.invokeLater(() -> {
            TrayMenuRenderer.fill(menu, items, this::onProfileAction, this::changeSettings, actions);
            icon.setToolTip(toolTip(items));
        });
    }

    /** Saves the profile's new reminder settings; the next tick schedules its token again with them. */
    private void changeSettings(String profile, ReminderSettings changed) {
        worker.execute(() -> {
            try {
                settings.save(profile, changed);
            } catch (RuntimeException e) {
                EventQueue.invokeLater(() -> icon.displayMessage("kubesignin: settings not saved",
                        String.valueOf(e.getMessage()), TrayIcon.MessageType.ERROR));
            }
            tick();
        });
    }

    private void onProfileAction(String profile, ProfileAction action) {
        switch (action) {
            case REFRESH_NOW -> refreshNow(profile);
            case SIGN_IN -> actions.signIn(profile);
            case OPEN_INSPECTOR -> actions.openInspector(profile);
        }
    }

    /** "kubesignin — work: alice@example.com until 14:05; lab: signed out" (X11 tool tips show no line breaks). */
    static String toolTip(List<TrayMenuItem> items) {
        List<String> entries = items.stream().filter(TrayMenuItem.ProfileEntry.class::isInstance)
                .map(item -> ((TrayMenuItem.ProfileEntry) item).label()).toList();
        return entries.isEmpty() ? "kubesignin" : "kubesignin — " + String.join("; ", entries);
    }

    private List<Profile> profiles() {
        return app.profileStore().list();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}
