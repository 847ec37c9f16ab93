package io.github.kubesignin.ui.cluster;

import io.github.kubesignin.cluster.RuleCheck;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The verdict's rules as a checklist: a green ✓ or red ✗ each, and under a failing rule the API server's words and the fix. */
final class RuleChecklist extends VBox {
    RuleChecklist(ObservableList<RuleCheck> rules) {
        super(6);
        setId("cluster-checklist");
        rules.addListener((ListChangeListener<RuleCheck>) change -> rebuild(rules));
        rebuild(rules);
    }

    private void rebuild(ObservableList<RuleCheck> rules) {
        getChildren().setAll(rules.stream().map(RuleChecklist::row).toList());
    }

    private static HBox row(RuleCheck check) {
        Label mark = new Label(check.passed() ? "✓" : "✗");
        mark.getStyleClass().addAll(check.passed() ? "success" : "danger", "text-bold");
        mark.setMinWidth(16);
        Label rule = new Label(check.rule());
        rule.setWrapText(true);
        rule.getStyleClass().add(check.passed() ? "text" : "danger");
        Label detail = new Label(check.detail());
        detail.setWrapText(true);
        detail.getStyleClass().addAll("text-muted", "text-small");
        VBox text = new VBox(1, rule, detail);
        if (!check.passed()) {
            Label fix = explanation("Fix: ", check.fix());
            fix.getStyleClass().setAll("label"); // the fix is what to act on: full size, not small print
            text.getChildren().addAll(explanation("API server: ", check.apiServerMessage()), fix);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, mark, text);
        row.getStyleClass().add(check.passed() ? "rule-passed" : "rule-failed");
        row.setPadding(new Insets(0, 0, 0, 2));
        return row;
    }

    private static Label explanation(String heading, String text) {
        Label label = new Label(heading + text);
        label.setWrapText(true);
        label.getStyleClass().add("text-small");
        return label;
    }
}
