package io.github.kubesignin.reminder;

import io.github.kubesignin.token.HumanTime;
import java.time.Instant;
import java.time.ZoneId;

/** The words of a notification: what expires when, and what to do about it. */
public record NoticeText(String title, String body) {

    public static NoticeText of(Notice notice, Instant now, ZoneId zone) {
        String when = TrayMenuModel.clockTime(notice.expiry(), now, zone);
        boolean expired = !notice.expiry().isAfter(now);
        // no brackets: AWT's balloon wraps lines before a closing one
        String state = expired ? "expired at " + when : "expires " + HumanTime.relative(notice.expiry(), now) + ", at " + when;
        if (notice instanceof Notice.RefreshFailed failed) {
            return new NoticeText("kubesignin: could not renew " + failed.profile(),
                    "The token of profile '" + failed.profile() + "' " + state + " and could not be renewed: " + failed.reason()
                            + ". Click here to try again now.");
        }
        return new NoticeText("kubesignin: " + notice.profile() + (expired ? " has expired" : " expires soon"),
                "The token of profile '" + notice.profile() + "' " + state + ". Click here to refresh now, or choose Refresh now in the tray menu.");
    }
}
