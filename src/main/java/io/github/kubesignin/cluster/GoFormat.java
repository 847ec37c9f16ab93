package io.github.kubesignin.cluster;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Values printed the way the API server's Go code prints them, so messages match its log lines. */
final class GoFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'")
            .withZone(ZoneOffset.UTC);

    private GoFormat() {
    }

    /** Go's {@code %q}: a quoted string, or {@code ["a" "b"]} for a slice of strings. */
    static String quoted(Object value) {
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                out.append(out.length() > 1 ? " " : "").append(quoted(String.valueOf(item)));
            }
            return out.append(']').toString();
        }
        return '"' + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Go's {@code time.Time} in UTC, as {@code %v} prints it (seconds precision). */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The JSON type name encoding/json uses in "cannot unmarshal X into Go value of type Y". */
    static String jsonType(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof List<?>) {
            return "array";
        }
        if (value instanceof Map<?, ?>) {
            return "object";
        }
        return "null";
    }

    static String cannotUnmarshal(Object value, String goType) {
        return "json: cannot unmarshal " + jsonType(value) + " into Go value of type " + goType;
    }
}
