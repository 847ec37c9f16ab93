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

    public BooleanProperty busyProperty() { return busy; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
}
