package io.github.kubesignin.ui.signin;

import io.github.kubesignin.qr.QrCode;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * What the person does elsewhere while the browser or device sign-in waits: the page that was opened in the browser,
 * or the code to enter with its address and a QR code. Only binds to {@link SignInViewModel}.
 */
final class SignInElsewhereView extends VBox {
    private static final int QR_MODULE_PIXELS = 5;
    private static final int QR_QUIET_ZONE = 4;

    SignInElsewhereView(SignInViewModel viewModel) {
        super(12);
        setId("signin-elsewhere");
        getChildren().addAll(browserPane(viewModel), devicePane(viewModel));
    }

    private static VBox browserPane(SignInViewModel viewModel) {
        Label heading = new Label("Continue in your browser …");
        heading.setId("continue-in-browser");
        heading.getStyleClass().add("title-4");
        Label hint = new Label("Sign in on the page that opened. When you are done, this page updates by itself."
                + " If no browser opened, open this address:");
        hint.setWrapText(true);
        VBox pane = new VBox(8, heading, hint, copyableField("authorization-url", viewModel.authorizationUrlProperty()));
        showWhen(pane, viewModel.waitingForBrowserProperty());
        return pane;
    }

    private static VBox devicePane(SignInViewModel viewModel) {
        Label heading = new Label("Enter this code on any device");
        heading.getStyleClass().add("title-4");
        Label code = new Label();
        code.setId("user-code");
        code.textProperty().bind(viewModel.userCodeProperty());
        code.setStyle("-fx-font-size: 34px; -fx-font-family: monospace; -fx-font-weight: bold; -fx-padding: 4 0 4 0;");
        Label at = new Label("at this address (or scan the QR code with a phone, which fills in the code):");
        at.setWrapText(true);
        Canvas qr = new Canvas();
        qr.setId("qr-code");
        viewModel.qrCodeProperty().addListener((obs, old, now) -> draw(qr, now));
        VBox text = new VBox(8, heading, code, at, copyableField("verification-uri", viewModel.verificationUriProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox pane = new HBox(16, text, qr);
        pane.setAlignment(Pos.TOP_LEFT);
        VBox box = new VBox(pane);
        box.setPadding(new Insets(4, 0, 0, 0));
        showWhen(box, viewModel.waitingForDeviceProperty());
        return box;
    }

    private static HBox copyableField(String id, StringProperty text) {
        TextField field = new TextField();
        field.setId(id);
        field.setEditable(false);
        field.textProperty().bind(text);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button copy = new Button("Cop_y");
        copy.setId(id + "-copy");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        HBox row = new HBox(8, field, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Dark modules on white with the quiet zone the QR standard asks for, whatever the theme. */
    private static void draw(Canvas canvas, QrCode code) {
        if (code == null) {
            canvas.setWidth(0);
            canvas.setHeight(0);
            return;
        }
        int side = (code.size() + 2 * QR_QUIET_ZONE) * QR_MODULE_PIXELS;
        canvas.setWidth(side);
        canvas.setHeight(side);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setFill(Color.BLACK);
        for (int y = 0; y < code.size(); y++) {
            for (int x = 0; x < code.size(); x++) {
                if (code.isDark(x, y)) {
                    g.fillRect((x + QR_QUIET_ZONE) * QR_MODULE_PIXELS, (y + QR_QUIET_ZONE) * QR_MODULE_PIXELS,
                            QR_MODULE_PIXELS, QR_MODULE_PIXELS);
                }
            }
        }
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(condition::get, condition));
        node.managedProperty().bind(node.visibleProperty());
    }
}
