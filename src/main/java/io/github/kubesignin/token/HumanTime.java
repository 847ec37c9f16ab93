package io.github.kubesignin.token;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times and durations the way a person reads them: "20:13:02", "in 4m 59s", "2h 3m ago". */
public final class HumanTime {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_AND_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private HumanTime() {
    }

    /** "in 4m 59s" for the future, "3m 2s ago" for the past, "now" within a second. */
    public static String relative(Instant when, Instant now) {
        Duration d = Duration.between(now, when);
        if (d.abs().getSeconds() == 0) {
            return "now";
        }
        return d.isNegative() ? duration(d.negated()) + " ago" : "in " + duration(d);
    }

    /** "4m 59s", "2h 3m", "3d 4h": the two largest units. */
    public static String duration(Duration d) {
        long s = d.getSeconds();
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m " + seconds + "s";
        }
        return seconds + "s";
    }

    /** Local clock time, with the date only when it is not today. */
    public static String local(Instant when, Instant now, ZoneId zone) {
        boolean today = when.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? CLOCK : DATE_AND_CLOCK).format(when.atZone(zone));
    }
}
