package io.github.kubesignin.ui.cluster;

import io.github.kubesignin.ui.common.Forms;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Cluster setup page: on the left the token and the API server's verdict as a checklist; on the right the live
 * check and the configuration for the cluster admin. Only binds to its view models.
 */
public final class ClusterSetupView extends ScrollPane {
    public ClusterSetupView(ClusterSetupViewModel verdict, LiveCheckViewModel live, SnippetsViewModel snippets) {
        setId("cluster-view");
        setFitToWidth(true);
        setStyle("-fx-background-color: transparent; -fx-background: transparent;");

        Label title = new Label("Cluster setup");
        title.getStyleClass().add("title-3");
        Label intro = new Label("Would an API server set up like this profile accept the token, and as whom?");
        intro.getStyleClass().add("text-muted");
        intro.setWrapText(true);

        VBox left = new VBox(10, tokenPane(verdict), verdictPane(verdict));
        VBox right = new VBox(10, new LiveCheckPane(live), new Separator(), new SnippetsPane(snippets));
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(420);
        right.setPrefWidth(420);
        HBox columns = new HBox(24, left, right);
        VBox page = new VBox(10, title, intro, columns);
        page.setPadding(new Insets(0, 12, 8, 0));
        setContent(page);
    }

    private static VBox tokenPane(ClusterSetupViewModel viewModel) {
        TextArea token = new TextArea();
        token.setId("cluster-token");
        token.setPromptText("The profile's current token, or paste one");
        token.setWrapText(true);
        token.setPrefRowCount(3);
        token.setStyle("-fx-font-family: monospace;");
        token.textProperty().bindBidirectional(viewModel.tokenProperty());
        Label tokenLabel = new Label("_Token");
        tokenLabel.setMnemonicParsing(true);
        tokenLabel.setLabelFor(token);

        Button judge = new Button("_Judge");
        judge.setId("cluster-judge");
        judge.getStyleClass().add("accent");
        judge.setOnAction(event -> viewModel.judge());
        Button load = new Button("_Load current token");
        load.setId("cluster-load-token");
        load.setOnAction(event -> viewModel.loadCurrentToken());
        ProgressIndicator checking = new ProgressIndicator();
        checking.setPrefSize(16, 16);
        checking.visibleProperty().bind(viewModel.checkingProperty());
        checking.managedProperty().bind(checking.visibleProperty());
        Label error = Forms.messageLabel(viewModel.errorProperty());
        error.setId("cluster-error");
        return new VBox(6, tokenLabel, token, new HBox(8, judge, load, checking), error);
    }

    private static VBox verdictPane(ClusterSetupViewModel viewModel) {
        Label summary = new Label();
        summary.setId("cluster-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("title-4");
        summary.textProperty().bind(viewModel.summaryProperty());
        viewModel.acceptedProperty().addListener((obs, old, accepted) -> style(summary, accepted));
        viewModel.summaryProperty().addListener((obs, old, now) -> style(summary, viewModel.acceptedProperty().get()));
        Label signature = Forms.statusLabel(viewModel.signatureNoteProperty());
        signature.setId("cluster-signature-note");
        VBox pane = new VBox(8, summary, signature, new RuleChecklist(viewModel.rules()));
        pane.visibleProperty().bind(viewModel.summaryProperty().isNotEmpty());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private static void style(Label summary, boolean accepted) {
        summary.getStyleClass().removeAll("success", "danger");
        summary.getStyleClass().add(accepted ? "success" : "danger");
    }
}
