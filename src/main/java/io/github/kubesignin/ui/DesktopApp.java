package io.github.kubesignin.ui;

import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The desktop window. For now a placeholder that points at the command line; the full window is its own issue. */
public final class DesktopApp extends Application {
    @Override
    public void start(Stage stage) {
        Label title = new Label("kubesignin");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label body = new Label("""
                Sign in to Kubernetes through OpenID Connect.

                The window is being built. Meanwhile the command line does it all:
                  kubesignin demo                       start a demo issuer
                  kubesignin login --profile demo       sign in
                  kubesignin --help                     every command""");
        body.setStyle("-fx-font-family: monospace;");
        VBox root = new VBox(16, title, body);
        root.setPadding(new Insets(24));
        root.setAlignment(Pos.TOP_LEFT);
        stage.setTitle("kubesignin");
        stage.setScene(new Scene(root, 620, 300));
        stage.show();
    }

    /** For {@code mvn javafx:run}, which starts this class directly. */
    public static void main(String[] args) {
        launch(args);
    }
}
