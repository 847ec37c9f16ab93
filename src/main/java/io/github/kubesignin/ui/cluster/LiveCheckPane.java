package io.github.kubesignin.ui.cluster;

import io.github.kubesignin.cluster.LiveResult;
import io.github.kubesignin.ui.common.Forms;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The live check: which cluster to ask, the button, and the answer in words, coloured by what it means. */
final class LiveCheckPane extends VBox {
    LiveCheckPane(LiveCheckViewModel viewModel) {
        super(8);
        setId("cluster-live");
        Label heading = new Label("Ask the cluster");
        heading.getStyleClass().add("title-4");
        Label explanation = new Label("Sends the token to the context's API server as a SelfSubjectReview, like kubectl auth whoami.");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("text-muted");

        TextField file = new TextField();
        file.setId("live-kubeconfig");
        file.textProperty().bindBidirectional(viewModel.kubeconfigFileProperty());
        TextField context = new TextField();
        context.setId("live-context");
        context.setPromptText("empty: the file's current context");
        context.textProperty().bindBidirectional(viewModel.contextProperty());
        GridPane fields = Forms.grid();
        Forms.row(fields, 0, "Kube_config", file, null);
        Forms.row(fields, 1, "Conte_xt", context, null);

        Button check = new Button("_Check with the cluster");
        check.setId("live-check");
        check.setDefaultButton(false);
        check.setOnAction(event -> viewModel.check());
        check.disableProperty().bind(viewModel.runningProperty());
        ProgressIndicator running = new ProgressIndicator();
        running.setPrefSize(16, 16);
        running.visibleProperty().bind(viewModel.runningProperty());
        running.managedProperty().bind(running.visibleProperty());

        Label answer = new Label();
        answer.setId("live-answer");
        answer.setWrapText(true);
        answer.textProperty().bind(viewModel.answerProperty());
        answer.managedProperty().bind(answer.visibleProperty());
        answer.visibleProperty().bind(viewModel.answerProperty().isNotEmpty());
        viewModel.resultProperty().addListener((obs, old, result) -> {
            answer.getStyleClass().removeAll("success", "warning", "danger");
            if (result != null) {
                answer.getStyleClass().add(result instanceof LiveResult.Mapped ? "success"
                        : result instanceof LiveResult.Forbidden ? "warning" : "danger");
            }
        });
        Label error = Forms.messageLabel(viewModel.errorProperty());
        error.setId("live-error");
        getChildren().addAll(heading, explanation, fields, new HBox(8, check, running), answer, error);
    }
}
