package io.github.kubesignin.reminder;

import io.github.kubesignin.token.HumanTime;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The words of a notification: what expires when (in the title, which is never wrapped) and what to do about it.
 * AWT's balloon wraps the body by its own rules, breaking lines before punctuation, so the body keeps to plain words.
 */
public record NoticeText(String title, String body) {

    public static NoticeText of(Notice notice, Instant now, ZoneId zone) {
        String when = TrayMenuModel.clockTime(notice.expiry(), now, zone);
        boolean expired = !notice.expiry().isAfter(now);
        String state = expired ? "expired at " + when : "expires " + HumanTime.relative(notice.expiry(), now) + ", at " + when;
        if (notice instanceof Notice.RefreshFailed failed) {
            return new NoticeText("kubesignin: " + failed.profile() + " " + state,
                    "Renewal failed: " + failed.reason() + ". Click here to try again now.");
        }
        return new NoticeText("kubesignin: " + notice.profile() + " " + state,
                "Click here to renew it now or choose Refresh now in the tray menu.");
    }
}
