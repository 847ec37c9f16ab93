package io.github.kubesignin.ui;

import io.github.kubesignin.app.AppContext;
import io.github.kubesignin.instance.SingleInstance;
import io.github.kubesignin.ui.reminder.NoTrayBanner;
import io.github.kubesignin.ui.reminder.NoTrayBannerViewModel;
import io.github.kubesignin.ui.common.Confirmation;
import io.github.kubesignin.ui.common.FxExecutors;
import io.github.kubesignin.ui.tray.ReminderTray;
import io.github.kubesignin.ui.welcome.DemoIssuer;
import java.io.IOException;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.stage.Stage;

/** The desktop application: builds the production graph, restores the window and saves its state on exit. */
public final class DesktopApp extends Application {
    // JavaFX creates the Application itself, so the launcher hands these over before launch
    private static volatile SingleInstance singleInstance;
    private static volatile String requestedProfile;
    private static final String TOLD_ABOUT_TRAY = "tray.told-still-running";

    private AppContext app;
    private MainWindow window;
    private WindowSettings settings;
    private Stage stage;
    private ReminderTray tray; // null where the desktop has no tray
    private Timeline bannerTicker; // only without a tray

    /** Called by {@link GuiLauncher} before launch: the claimed single-instance socket and the profile asked for. */
    static void prepare(SingleInstance instance, Optional<String> profile) {
        singleInstance = instance;
        requestedProfile = profile.orElse(null);
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        app = AppContext.production();
        // the browser sign-in opens the issuer's page through JavaFX, which knows the desktop's browser
        app.useBrowser(url -> {
            getHostServices().showDocument(url.toString());
            return true;
        });
        settings = WindowSettings.load(app.directories().config());
        MainWindow.applyTheme(settings.darkTheme());
        AppModel model = new AppModel(app, FxExecutors.production());
        model.reloadProfiles();
        model.select(Optional.ofNullable(requestedProfile).or(() -> settings.text("profile"))
                .orElse(model.profiles().isEmpty() ? null : model.profiles().get(0).name()));
        window = new MainWindow(model, settings, new DemoIssuer(app), Confirmation.dialog());
        TrayWindowActions windowActions = new TrayWindowActions(stage, window);
        installTray(windowActions);
        stage.setScene(new Scene(tray == null ? withNoTrayBanner(model) : window.root(),
                WindowPlacement.width(settings), WindowPlacement.height(settings)));
        WindowPlacement.restorePosition(stage, settings);
        window.attach(stage);
        WindowIcons.addTo(stage);
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        stage.show();
        if (singleInstance != null) {
            singleInstance.listen(windowActions::activate); // a later launch brings this window to the front
        }
    }

    /** Without a tray the window reminds by itself, above the pages; closing it quits (JavaFX's default). */
    private Parent withNoTrayBanner(AppModel model) {
        NoTrayBannerViewModel banner = new NoTrayBannerViewModel(model, app.reminderSettings()::settings);
        bannerTicker = new Timeline(new KeyFrame(Duration.seconds(1), event -> banner.tick(model.now())));
        bannerTicker.setCycleCount(Animation.INDEFINITE);
        bannerTicker.play();
        VBox root = new VBox(new NoTrayBanner(banner), window.root());
        VBox.setVgrow(window.root(), Priority.ALWAYS);
        return root;
    }

    /** With a tray, closing the window keeps the app (and its reminders) running there; without one it quits. */
    private void installTray(TrayWindowActions windowActions) {
        tray = ReminderTray.install(app, windowActions).orElse(null);
        if (tray == null) {
            return;
        }
        Platform.setImplicitExit(false);
        stage.setOnHidden(event -> {
            if (settings.text(TOLD_ABOUT_TRAY).isEmpty()) { // once per user, not per run
                settings.put(TOLD_ABOUT_TRAY, "true");
                try {
                    settings.save();
                } catch (IOException e) {
                    // then it is said once more next time: harmless
                }
                tray.tell("kubesignin is still running", "It keeps reminding you before tokens expire. Quit from the tray menu.");
            }
        });
    }

    @Override
    public void stop() {
        if (tray != null) {
            tray.close();
        }
        if (bannerTicker != null) {
            bannerTicker.stop();
        }
        if (singleInstance != null) {
            singleInstance.close();
        }
        if (window != null) {
            window.stop();
            WindowPlacement.remember(stage, settings, window.model().selected().map(p -> p.name()).orElse(null));
            try {
                settings.save();
            } catch (IOException ignored) {
                // losing the window position is not worth an error on the way out
            }
        }
        if (app != null) {
            app.close();
        }
    }

    /** For {@code mvn javafx:run}, which starts this class directly. */
    public static void main(String[] args) {
        launch(args);
    }
}
