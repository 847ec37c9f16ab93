package io.github.kubesignin.html;

/** Text for HTML pages: the embedded issuer's forms and the page the browser shows after a sign-in. */
public final class Html {
    private Html() {
    }

    /** The text as HTML content or attribute value: markup characters and both quotes escaped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
