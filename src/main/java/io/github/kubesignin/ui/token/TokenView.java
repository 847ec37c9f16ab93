package io.github.kubesignin.ui.token;

import io.github.kubesignin.oidc.SignatureCheck;
import io.github.kubesignin.token.ClaimRow;
import io.github.kubesignin.ui.common.Forms;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The token inspector. Only binds to {@link TokenViewModel}; copying to the clipboard is the view's own job. */
public final class TokenView extends VBox {
    public TokenView(TokenViewModel viewModel) {
        super(10);
        setId("token-view");
        setPadding(new Insets(0, 8, 8, 0));

        Label title = new Label("Token inspector");
        title.getStyleClass().add("title-3");
        TextArea token = new TextArea();
        token.setId("token-input");
        token.setPromptText("Paste a JWT here, or load the selected profile's current token");
        token.setWrapText(true);
        token.setPrefRowCount(3);
        token.setStyle("-fx-font-family: monospace;");
        token.textProperty().bindBidirectional(viewModel.tokenProperty());
        Label tokenLabel = new Label("_JWT");
        tokenLabel.setMnemonicParsing(true);
        tokenLabel.setLabelFor(token);

        Button load = new Button("_Load current token");
        load.setId("load-token");
        load.setOnAction(event -> viewModel.loadCurrentToken());
        Button inspect = new Button("_Inspect");
        inspect.setId("inspect-token");
        inspect.getStyleClass().add("accent");
        inspect.setOnAction(event -> viewModel.inspect());
        Button copyToken = new Button("Copy _token");
        copyToken.setOnAction(event -> copy(viewModel.tokenProperty().get().strip()));
        Button copyJson = new Button("Copy claims JSO_N");
        copyJson.setOnAction(event -> copy(viewModel.rawJsonProperty().get()));
        copyJson.disableProperty().bind(viewModel.rawJsonProperty().isEmpty());
        HBox buttons = new HBox(8, inspect, load, copyToken, copyJson);

        Label error = Forms.messageLabel(viewModel.errorProperty());
        error.setId("token-error");

        GridPane verdicts = Forms.grid();
        Label signature = new Label();
        signature.setId("signature-verdict");
        signature.setWrapText(true);
        signature.textProperty().bind(viewModel.signatureProperty());
        viewModel.signatureVerdictProperty().addListener((obs, old, verdict) -> {
            signature.getStyleClass().removeAll("success", "danger", "warning");
            if (verdict != null) {
                signature.getStyleClass().add(verdict == SignatureCheck.Verdict.VALID ? "success"
                        : verdict == SignatureCheck.Verdict.INVALID ? "danger" : "warning");
            }
        });
        ProgressIndicator checking = new ProgressIndicator();
        checking.setPrefSize(16, 16);
        checking.visibleProperty().bind(viewModel.checkingProperty());
        checking.managedProperty().bind(checking.visibleProperty());
        Label cluster = new Label();
        cluster.setId("cluster-verdict");
        cluster.setWrapText(true);
        cluster.textProperty().bind(viewModel.clusterProperty());
        viewModel.clusterAcceptsProperty().addListener((obs, old, accepts) -> {
            cluster.getStyleClass().removeAll("success", "danger");
            cluster.getStyleClass().add(accepts ? "success" : "danger");
        });
        verdicts.add(new Label("Signature"), 0, 0);
        verdicts.add(new HBox(6, checking, signature), 1, 0);
        verdicts.add(new Label("Cluster"), 0, 1);
        verdicts.add(cluster, 1, 1);
        verdicts.visibleProperty().bind(viewModel.headerProperty().isNotEmpty());
        verdicts.managedProperty().bind(verdicts.visibleProperty());

        TabPane tabs = new TabPane(new Tab("Claims", claimsTable(viewModel)),
                new Tab("Header", readOnly("token-header", viewModel.headerProperty())),
                new Tab("Raw JSON", readOnly("token-json", viewModel.rawJsonProperty())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(title, tokenLabel, token, buttons, error, verdicts, tabs);
    }

    private static TableView<ClaimRow> claimsTable(TokenViewModel viewModel) {
        TableView<ClaimRow> table = new TableView<>(viewModel.claims());
        table.setId("claims-table");
        table.getColumns().add(column("Claim", 120, ClaimRow::name));
        table.getColumns().add(column("Value", 300, ClaimRow::value));
        table.getColumns().add(column("Meaning", 360, ClaimRow::meaning));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No token inspected yet"));
        return table;
    }

    private static TableColumn<ClaimRow, String> column(String title, double width, java.util.function.Function<ClaimRow, String> value) {
        TableColumn<ClaimRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static TextArea readOnly(String id, javafx.beans.property.StringProperty text) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setStyle("-fx-font-family: monospace;");
        area.textProperty().bind(text);
        return area;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
