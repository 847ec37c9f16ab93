package io.github.kubesignin.issuer;

import io.github.kubesignin.html.Html;

/** The issuer's few HTML pages: a title, a message and an optional form, every value escaped. */
final class HtmlPage {
    private HtmlPage() {
    }

    static String of(String title, String bodyHtml) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title><style>body{font-family:system-ui,sans-serif;margin:3em auto;max-width:28em;color:#222}"
                + "label{display:block;margin:.6em 0 .2em}input{width:100%;padding:.3em}"
                + "button{margin:1em .5em 0 0;padding:.4em 1.2em}.error{color:#b00020}</style></head><body><h1>"
                + Html.escape(title) + "</h1>" + bodyHtml + "</body></html>";
    }

    static String paragraph(String text) {
        return "<p>" + Html.escape(text) + "</p>";
    }

    static String error(String text) {
        return text == null ? "" : "<p class=\"error\" id=\"error\">" + Html.escape(text) + "</p>";
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + Html.escape(name) + "\" value=\"" + Html.escape(value) + "\">";
    }

    static String field(String label, String name, String type, String value) {
        return "<label for=\"" + name + "\">" + Html.escape(label) + "</label><input id=\"" + name + "\" name=\"" + name
                + "\" type=\"" + type + "\" value=\"" + Html.escape(value == null ? "" : value) + "\" autocomplete=\"off\">";
    }
}
