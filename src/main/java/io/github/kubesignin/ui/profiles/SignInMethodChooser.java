package io.github.kubesignin.ui.profiles;

import io.github.kubesignin.profile.SignInMethod;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The profile form's sign-in method: one choice per method, greyed out (with the reason below) when discovery says the
 * issuer does not offer it, and the browser's optional fixed redirect port. Only binds to {@link ProfilesViewModel}.
 */
final class SignInMethodChooser extends VBox {
    SignInMethodChooser(ProfilesViewModel viewModel) {
        super(6);
        setId("sign-in-method");
        ToggleGroup group = new ToggleGroup();
        HBox choices = new HBox(14);
        choices.setAlignment(Pos.CENTER_LEFT);
        for (SignInMethod method : SignInMethod.values()) {
            RadioButton choice = new RadioButton(ProfilesViewModel.label(method));
            choice.setId("sign-in-" + method.word());
            choice.setUserData(method);
            choice.setToggleGroup(group);
            choice.disableProperty().bind(Bindings.createBooleanBinding(
                    () -> viewModel.methodProblems().containsKey(method) && viewModel.signInMethodProperty().get() != method,
                    viewModel.methodProblems(), viewModel.signInMethodProperty()));
            choice.tooltipProperty().bind(Bindings.createObjectBinding(() -> viewModel.methodProblems().containsKey(method)
                    ? new Tooltip("Not offered: " + viewModel.methodProblems().get(method)) : null, viewModel.methodProblems()));
            choices.getChildren().add(choice);
        }
        select(group, viewModel.signInMethodProperty().get());
        viewModel.signInMethodProperty().addListener((obs, old, now) -> select(group, now));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.signInMethodProperty().set((SignInMethod) now.getUserData());
            }
        });

        TextField port = new TextField();
        port.setId("redirect-port");
        port.setPromptText("any free port");
        port.setPrefColumnCount(5);
        port.setTooltip(new Tooltip("The redirect URI is http://127.0.0.1:PORT/callback"));
        port.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        port.textProperty().bindBidirectional(viewModel.redirectPortProperty());
        Label portLabel = new Label("Redirect _port");
        portLabel.setMnemonicParsing(true);
        portLabel.setLabelFor(port);
        portLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label portHint = new Label("empty: any free port");
        portHint.setWrapText(true);
        portHint.getStyleClass().add("text-muted");
        HBox.setHgrow(portHint, javafx.scene.layout.Priority.ALWAYS);
        HBox portRow = new HBox(8, portLabel, port, portHint);
        portRow.setAlignment(Pos.CENTER_LEFT);
        portRow.visibleProperty().bind(viewModel.signInMethodProperty().isEqualTo(SignInMethod.BROWSER));
        portRow.managedProperty().bind(portRow.visibleProperty());

        Label note = new Label();
        note.setId("sign-in-method-note");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        note.textProperty().bind(viewModel.methodNoteProperty());
        getChildren().addAll(choices, portRow, note);
    }

    private static void select(ToggleGroup group, SignInMethod method) {
        for (Toggle toggle : group.getToggles()) {
            if (toggle.getUserData() == method && !toggle.isSelected()) {
                toggle.setSelected(true);
            }
        }
    }
}
