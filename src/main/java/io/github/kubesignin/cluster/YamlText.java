package io.github.kubesignin.cluster;

import java.util.Set;

/**
 * YAML scalars written by hand: the generated snippets are small and fixed in shape, and SnakeYAML stays in the
 * kubeconfig package. Anything that is not obviously a plain string is double-quoted.
 */
final class YamlText {
    private static final Set<String> KEYWORDS = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");

    private YamlText() {
    }

    static String scalar(String value) {
        if (isPlain(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A literal block ({@code |}) with each line indented, for PEM certificates and embedded documents. */
    static String literal(String text, String indent) {
        StringBuilder out = new StringBuilder("|\n");
        for (String line : text.strip().split("\n", -1)) {
            out.append(line.isBlank() ? "" : indent + line.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static boolean isPlain(String value) {
        if (value.isEmpty() || KEYWORDS.contains(value.toLowerCase()) || value.contains(": ") || value.contains(" #")
                || value.contains("#") || value.endsWith(":") || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1)) || "-?:,[]{}&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0) {
            return false;
        }
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        // numbers and dates would parse as something other than a string
        return !value.matches("[-+.0-9eE:_xXoO]+");
    }
}
