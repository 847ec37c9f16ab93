package io.github.kubesignin.ui;

import io.github.kubesignin.app.AppContext;
import io.github.kubesignin.app.AppDirectories;
import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.oidc.HttpSettings;
import io.github.kubesignin.secret.InMemorySecretStore;
import io.github.kubesignin.ui.common.FxExecutors;
import io.github.kubesignin.ui.welcome.DemoIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

/**
 * Walks a fresh window through the demo and saves a screenshot of every page with ImageMagick's {@code import}.
 * Run by docs/screenshots.sh under Xvfb, on a temporary home with an in-memory keychain.
 */
public final class ScreenshotTour extends Application {
    static Path output;
    private MainWindow window;
    private Scene scene;

    /** The entry point; not on the Application class, whose main the java launcher refuses on the class path. */
    public static final class Launch {
        public static void main(String[] args) {
            output = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
            Application.launch(ScreenshotTour.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("kubesignin-tour");
        InMemorySecretStore keychain = new InMemorySecretStore();
        // -Dtour.production=true: the production graph (real keychain, $HOME), to see the window as shipped
        AppContext app = Boolean.getBoolean("tour.production") ? AppContext.production()
                : new AppContext(AppDirectories.fromEnvironment(Map.of("HOME", home.toString())), Clock.systemDefaultZone(),
                Map.of("HOME", home.toString()), () -> keychain, HttpSettings.DEFAULT);
        if (!Boolean.getBoolean("tour.production")) {
            app.useSelfCommand(java.util.List.of("/usr/local/bin/kubesignin"));
        }
        AppModel model = new AppModel(app, FxExecutors.production());
        model.reloadProfiles();
        MainWindow.applyTheme(false);
        window = new MainWindow(model, WindowSettings.load(app.directories().config()), new DemoIssuer(app), (q, d) -> true);
        scene = new Scene(window.root(), 1120, 760);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        window.attach(stage);
        stage.show();
        Thread tour = new Thread(this::tour, "screenshot-tour");
        tour.setDaemon(true);
        tour.start();
    }

    private void tour() {
        try {
            pause(1500);
            shoot("welcome");
            fx(() -> click("#welcome-demo"));
            waitFor(() -> lookup("#signin-view"));
            fx(() -> {
                text("#password", "not-the-password");
                click("#sign-in");
            });
            waitFor(() -> !label("#signin-error").isEmpty());
            shoot("sign-in-error");
            fx(() -> {
                text("#password", DemoData.PASSWORD);
                click("#sign-in");
            });
            waitFor(() -> label("#summary-countdown").startsWith("expires in"));
            pause(2200); // the countdown ticks visibly
            shoot("sign-in");
            fx(() -> window.show(MainWindow.Page.TOKEN));
            waitFor(() -> label("#signature-verdict").startsWith("valid"));
            shoot("token");
            fx(() -> window.show(MainWindow.Page.PROFILES));
            pause(300); // the scroll pane adds its content to the scene graph on the next pulse
            fx(() -> click("#discover"));
            waitFor(() -> !((TextInputControl) scene.lookup("#discovery")).getText().isEmpty());
            shoot("profiles");
            fx(() -> window.show(MainWindow.Page.KUBECONFIG));
            pause(300);
            fx(() -> click("#kubeconfig-preview"));
            waitFor(() -> ((TextInputControl) scene.lookup("#kubeconfig-diff")).getText().contains("get-token"));
            shoot("kubeconfig");
            fx(() -> window.show(MainWindow.Page.CLUSTER));
            waitFor(() -> label("#cluster-summary").startsWith("accepted") && label("#cluster-signature-note").isEmpty());
            shoot("cluster-setup");
            fx(() -> {
                ((javafx.scene.control.ComboBox<?>) scene.lookup("#snippet-format")).getSelectionModel().selectLast(); // RBAC
                click("#rbac-group");
            });
            pause(300); // the RBAC fields take their room on the next pulse; then scroll to the end
            fx(() -> ((javafx.scene.control.ScrollPane) scene.lookup("#cluster-view")).setVvalue(1));
            pause(500);
            shoot("cluster-setup-rbac");
            fx(() -> {
                TextInputControl token = (TextInputControl) scene.lookup("#cluster-token");
                token.setText(TokenViewModelTest.tamper(token.getText()));
                click("#cluster-judge");
                click("#live-check"); // the demo's kubeconfig names no real cluster: the answer says so inline
                ((javafx.scene.control.ScrollPane) scene.lookup("#cluster-view")).setVvalue(0);
            });
            waitFor(() -> label("#cluster-summary").startsWith("rejected") && !label("#live-error").isEmpty()
                    || !label("#live-answer").isEmpty());
            shoot("cluster-setup-rejected");
            fx(() -> window.show(MainWindow.Page.PROFILES));
            pause(300);
            fx(() -> {
                click("#new-profile");
                text("#profile-name", "prod cluster");
                text("#issuer", "http://idp.example.com/realms/kube");
                text("#client-id", "kube");
                text("#ca-file", "/etc/ssl/missing-ca.pem");
            });
            pause(500);
            shoot("profiles-validation");
            fx(() -> {
                ((javafx.scene.control.CheckBox) scene.lookup("#dark-theme")).setSelected(true);
                window.show(MainWindow.Page.SIGN_IN);
            });
            pause(800);
            shoot("sign-in-dark");
        } catch (Exception e) {
            Thread.currentThread().getThreadGroup().uncaughtException(Thread.currentThread(), e);
        } finally {
            Platform.runLater(() -> {
                window.stop();
                Platform.exit();
            });
        }
    }

    private boolean lookup(String id) {
        return scene.lookup(id) != null && scene.lookup(id).getScene() != null;
    }

    private String label(String id) {
        return scene.lookup(id) instanceof javafx.scene.control.Labeled l ? l.getText() : "";
    }

    private void click(String id) {
        ((ButtonBase) scene.lookup(id)).fire();
    }

    private void text(String id, String value) {
        ((TextInputControl) scene.lookup(id)).setText(value);
    }

    private static void fx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            CompletableFuture<Boolean> met = new CompletableFuture<>();
            Platform.runLater(() -> met.complete(condition.getAsBoolean()));
            if (met.get()) {
                pause(400); // let the page paint
                return;
            }
            pause(100);
        }
        throw new IllegalStateException("the tour waited 15 s for a page");
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private static void shoot(String name) throws Exception {
        Files.createDirectories(output);
        Process process = new ProcessBuilder("import", "-window", "root", "-crop", "1120x760+0+0", "+repage",
                output.resolve(name + ".png").toString()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + name);
        }
    }
}
