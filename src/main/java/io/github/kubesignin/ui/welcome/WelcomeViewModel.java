package io.github.kubesignin.ui.welcome;

import io.github.kubesignin.issuer.DemoData;
import io.github.kubesignin.ui.AppModel;
import io.github.kubesignin.ui.common.ErrorText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The first-run page: start the demo issuer and select its profile, or go add a real profile. */
public final class WelcomeViewModel {
    private final AppModel model;
    private final DemoIssuer demo;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty demoRunning = new SimpleBooleanProperty();

    public WelcomeViewModel(AppModel model, DemoIssuer demo) {
        this.model = model;
        this.demo = demo;
    }

    /** Starts the issuer in the background; {@code then} runs on the FX thread once the demo profile is selected. */
    public void startDemo(Runnable then) {
        busy.set(true);
        error.set("");
        status.set("Starting the demo issuer …");
        model.work().start(demo::start, profile -> {
            busy.set(false);
            demoRunning.set(true);
            status.set("Demo issuer running at " + profile.issuer() + ". Sign in as " + DemoData.USER + " / "
                    + DemoData.PASSWORD + " (or " + DemoData.UNVERIFIED_USER + " / " + DemoData.UNVERIFIED_PASSWORD
                    + ", whose e-mail is not verified).");
            model.reloadProfiles();
            model.select(profile.name());
            then.run();
        }, failure -> {
            busy.set(false);
            status.set("");
            error.set(ErrorText.of(failure));
        });
    }

    public DemoIssuer demo() {
        return demo;
    }

    /** True once the demo issuer runs inside this window; a saved demo profile needs it again after a restart. */
    public BooleanProperty demoRunningProperty() { return demoRunning; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
}
