package io.github.kubesignin.ui.welcome;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.ui.common.Forms;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The page shown while there is no profile. */
public final class WelcomeView extends VBox {
    public WelcomeView(WelcomeViewModel viewModel, Runnable addProfile, Runnable afterDemo) {
        super(16);
        setId("welcome-view");
        setPadding(new Insets(8, 8, 8, 0));
        setMaxWidth(640);
        Label title = new Label("Welcome to kubesignin");
        title.getStyleClass().add("title-2");
        Label body = new Label("kubesignin signs you in to Kubernetes through OpenID Connect and keeps your kubeconfig"
                + " working: tokens are renewed when kubectl needs them, and every secret stays in the OS keychain.\n\n"
                + "Add a profile for your identity provider (Keycloak, Auth0, Okta, Dex, Entra …), or try the whole flow"
                + " with the built-in demo issuer: it runs inside this window on 127.0.0.1, with the user "
                + DemoData.USER + " (password " + DemoData.PASSWORD + "), and writes to a separate demo kubeconfig.");
        body.setWrapText(true);
        Button add = new Button("_Add a profile");
        add.setId("welcome-add-profile");
        add.getStyleClass().add("accent");
        add.setOnAction(event -> addProfile.run());
        Button demo = new Button("_Try the built-in demo issuer");
        demo.setId("welcome-demo");
        demo.disableProperty().bind(viewModel.busyProperty());
        demo.setOnAction(event -> viewModel.startDemo(afterDemo));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(viewModel.busyProperty());
        Label status = Forms.statusLabel(viewModel.statusProperty());
        status.setId("welcome-status");
        Label error = Forms.messageLabel(viewModel.errorProperty());
        getChildren().addAll(title, body, new HBox(10, add, demo, progress), status, error);
    }
}
