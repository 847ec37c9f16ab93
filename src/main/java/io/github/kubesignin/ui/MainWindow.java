package io.github.kubesignin.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.github.kubesignin.profile.Profile;
import io.github.kubesignin.ui.cluster.ClusterSetupView;
import io.github.kubesignin.ui.cluster.ClusterSetupViewModel;
import io.github.kubesignin.ui.cluster.LiveCheckViewModel;
import io.github.kubesignin.ui.cluster.SnippetsViewModel;
import io.github.kubesignin.ui.common.Confirmation;
import io.github.kubesignin.ui.kubeconfig.KubeconfigView;
import io.github.kubesignin.ui.kubeconfig.KubeconfigViewModel;
import io.github.kubesignin.ui.profiles.ProfilesView;
import io.github.kubesignin.ui.profiles.ProfilesViewModel;
import io.github.kubesignin.ui.signin.SignInView;
import io.github.kubesignin.ui.signin.SignInViewModel;
import io.github.kubesignin.ui.status.StatusBar;
import io.github.kubesignin.ui.token.TokenView;
import io.github.kubesignin.ui.token.TokenViewModel;
import io.github.kubesignin.ui.status.StatusBarViewModel;
import io.github.kubesignin.ui.welcome.DemoIssuer;
import io.github.kubesignin.ui.welcome.WelcomeView;
import io.github.kubesignin.ui.welcome.WelcomeViewModel;
import java.util.EnumMap;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The one window: a sidebar with the profile picker and the pages, the page, and the status bar. It wires views to
 * view models and ticks the countdowns once a second; everything else lives in the view models.
 */
public final class MainWindow {
    /** The pages of the sidebar, in order; WELCOME is shown on first run only. */
    public enum Page {
        WELCOME("Welcome"), PROFILES("Profiles"), SIGN_IN("Sign in"), TOKEN("Token"), KUBECONFIG("Kubeconfig"), CLUSTER("Cluster setup");

        final String title;

        Page(String title) {
            this.title = title;
        }
    }

    private final AppModel model;
    private final WindowSettings settings;
    private final DemoIssuer demo;
    private final StatusBarViewModel status;
    private final SignInViewModel signIn;
    private final TokenViewModel token;
    private final ClusterSetupViewModel cluster;
    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final Map<Page, ToggleButton> buttons = new EnumMap<>(Page.class);
    private final StackPane content = new StackPane();
    private final BorderPane root = new BorderPane();
    private final Timeline ticker;
    private long ticks;

    public MainWindow(AppModel model, WindowSettings settings, DemoIssuer demo, Confirmation confirmation) {
        this.model = model;
        this.settings = settings;
        this.demo = demo;
        this.status = new StatusBarViewModel(model);
        this.signIn = new SignInViewModel(model);
        ProfilesViewModel profiles = new ProfilesViewModel(model);
        WelcomeViewModel welcome = new WelcomeViewModel(model, demo);

        pages.put(Page.WELCOME, new WelcomeView(welcome, () -> {
            profiles.newProfile();
            show(Page.PROFILES);
        }, () -> show(Page.SIGN_IN)));
        pages.put(Page.PROFILES, new ProfilesView(model, profiles, confirmation));
        pages.put(Page.SIGN_IN, new SignInView(model, signIn, welcome));
        this.token = new TokenViewModel(model);
        pages.put(Page.TOKEN, new TokenView(token));
        pages.put(Page.KUBECONFIG, new KubeconfigView(new KubeconfigViewModel(model)));
        this.cluster = new ClusterSetupViewModel(model);
        pages.put(Page.CLUSTER, new ClusterSetupView(cluster, new LiveCheckViewModel(model, cluster), new SnippetsViewModel(model, cluster)));
        // another profile clears the verdict; while the page is open, judge the new profile's token right away
        model.selectedProperty().addListener((obs, old, now) -> {
            if (buttons.get(Page.CLUSTER).isSelected()) {
                cluster.loadCurrentTokenIfEmpty();
            }
        });

        content.setPadding(new Insets(20, 20, 12, 24));
        content.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        root.setLeft(sidebar());
        javafx.scene.control.Label problem = io.github.kubesignin.ui.common.Forms.messageLabel(model.problemProperty());
        problem.setId("app-problem");
        problem.setPadding(new Insets(8, 24, 0, 24));
        root.setCenter(new VBox(problem, content));
        VBox.setVgrow(content, Priority.ALWAYS);
        root.setBottom(new StatusBar(status));
        root.setId("main-window");

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), event -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    private VBox sidebar() {
        Label name = new Label("kubesignin");
        name.getStyleClass().add("title-3");
        ComboBox<Profile> picker = new ComboBox<>(model.profiles());
        picker.setId("profile-picker");
        picker.setPromptText("No profile");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setCellFactory(list -> profileCell());
        picker.setButtonCell(profileCell());
        picker.valueProperty().bindBidirectional(model.selectedProperty());
        Label pickerLabel = new Label("Pr_ofile");
        pickerLabel.setMnemonicParsing(true);
        pickerLabel.setLabelFor(picker);
        pickerLabel.getStyleClass().add("text-muted");

        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(6, name, pickerLabel, picker, new Region());
        int shortcut = 1;
        for (Page page : Page.values()) {
            ToggleButton button = new ToggleButton(page.title);
            button.setId("nav-" + page.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setMnemonicParsing(false);
            button.setOnAction(event -> show(page));
            if (page == Page.WELCOME) {
                // only while there is no profile: afterwards the sidebar has the five capabilities
                button.visibleProperty().bind(Bindings.isEmpty(model.profiles()));
                button.managedProperty().bind(button.visibleProperty());
            } else {
                button.setTooltip(new Tooltip("Ctrl+" + shortcut));
                shortcut++;
            }
            buttons.put(page, button);
            box.getChildren().add(button);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        CheckBox dark = new CheckBox("Dar_k theme");
        dark.setId("dark-theme");
        dark.setSelected(settings.darkTheme());
        dark.selectedProperty().addListener((obs, old, now) -> {
            settings.darkTheme(now);
            applyTheme(now);
        });
        box.getChildren().addAll(spacer, dark);
        box.setPadding(new Insets(16, 12, 12, 12));
        box.setPrefWidth(190);
        box.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: transparent -color-border-default transparent transparent;");
        return box;
    }

    private static ListCell<Profile> profileCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Profile profile, boolean empty) {
                super.updateItem(profile, empty);
                setText(empty || profile == null ? null : profile.name());
            }
        };
    }

    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    public void show(Page page) {
        if (page == Page.TOKEN) {
            token.loadCurrentTokenIfEmpty();
        }
        if (page == Page.CLUSTER) {
            cluster.loadCurrentTokenIfEmpty();
        }
        content.getChildren().setAll(pages.get(page));
        buttons.get(page).setSelected(true);
    }

    public Parent root() {
        return root;
    }

    /** Binds the title and shortcuts to the stage, starts the countdown and picks the first page. */
    public void attach(Stage stage) {
        stage.titleProperty().bind(Bindings.createStringBinding(() -> model.selected()
                .map(p -> "kubesignin — " + p.name()).orElse("kubesignin"), model.selectedProperty()));
        int shortcut = 1;
        for (Page page : new Page[] {Page.PROFILES, Page.SIGN_IN, Page.TOKEN, Page.KUBECONFIG, Page.CLUSTER}) {
            KeyCode key = KeyCode.valueOf("DIGIT" + shortcut++);
            stage.getScene().getAccelerators().put(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN), () -> show(page));
        }
        show(model.profiles().isEmpty() ? Page.WELCOME : model.selected().isPresent() ? Page.SIGN_IN : Page.PROFILES);
        tick();
        ticker.play();
    }

    private void tick() {
        // every few seconds, re-read the token cache: kubectl's get-token or the command line may have renewed it
        if (++ticks % 5 == 0) {
            model.refreshSession();
        }
        var now = model.now();
        status.tick(now);
        signIn.tick(now);
        token.tick(now);
    }

    public void stop() {
        ticker.stop();
        demo.close();
    }

    public AppModel model() {
        return model;
    }
}
