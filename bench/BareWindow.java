import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The reference for bench/gui-start.sh: the smallest JavaFX window, from the same jar's JavaFX, same size. */
public final class BareWindow {
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("bare-javafx");
            stage.setScene(new Scene(new Label("bare JavaFX window"), 1100, 720));
            stage.show();
        }
    }
}
