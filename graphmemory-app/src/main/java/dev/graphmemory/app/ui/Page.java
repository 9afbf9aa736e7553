package dev.graphmemory.app.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One HTML page being written. Text goes in through {@link #text} (escaped for element content and attribute values
 * alike) and {@link #href} (path segments and query values percent-encoded); only this package's own markup goes in
 * through {@link #raw}. Every value that comes from the memory is untrusted: a memory's text may be a script.
 */
final class Page {
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final StringBuilder html = new StringBuilder(8_192);

    /**
     * Starts a page: the head, the navigation and the namespace.
     *
     * @param graph whether the page draws a graph (loads Cytoscape.js)
     */
    Page(String title, String namespace, boolean graph) {
        raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>")
                .text(title)
                .raw(" · graphmemory</title><link rel=\"icon\" href=\"data:,\">")
                .raw("<link rel=\"stylesheet\" href=\"" + Assets.STYLE + "\">");
        if (graph) {
            raw("<script src=\"" + Assets.CYTOSCAPE + "\" defer></script>");
        }
        raw("<script src=\"" + Assets.SCRIPT + "\" defer></script></head><body><header>")
                .raw("<a class=\"brand\" href=\"/\">graphmemory</a><nav>")
                .raw("<a href=\"/\">Search</a><a href=\"/timeline\">Timeline</a>")
                .raw("<a href=\"/commitments\">Commitments</a><a href=\"/patterns\">Patterns</a></nav>")
                .raw("<span class=\"namespace\">namespace <b>")
                .text(namespace)
                .raw("</b></span></header><main><h1>")
                .text(title)
                .raw("</h1>");
    }

    /** Appends this package's own markup, never a value. */
    Page raw(String markup) {
        html.append(markup);
        return this;
    }

    /** Appends a value, escaped ({@code null} as nothing). */
    Page text(Object value) {
        html.append(escape(value == null ? "" : value.toString()));
        return this;
    }

    /** Appends a link to {@code href} (made by {@link #path} or {@link #query}) with {@code label} as its text. */
    Page link(String href, Object label) {
        return raw("<a href=\"").text(href).raw("\">").text(label).raw("</a>");
    }

    /** Appends a time as {@code 2026-12-02 07:10 UTC}, in a {@code <time>} element. */
    Page time(Instant at) {
        if (at == null) {
            return this;
        }
        return raw("<time datetime=\"")
                .text(at)
                .raw("\">")
                .text(SHOWN.format(at))
                .raw("</time>");
    }

    /** Appends a time given as ISO-8601 text (how read-only queries return times); other text as it is. */
    Page time(Object iso) {
        if (iso == null) {
            return this;
        }
        try {
            return time(java.time.OffsetDateTime.parse(iso.toString()).toInstant());
        } catch (DateTimeParseException notADateTime) {
            return text(iso);
        }
    }

    /** Ends the page. */
    String finish() {
        return html.append("</main></body></html>").toString();
    }

    /** {@code /prefix/segment}, the segment percent-encoded. */
    static String path(String prefix, String segment) {
        return prefix + "/" + encode(segment);
    }

    /** {@code path?name=value&…} with the values percent-encoded; pairs with a {@code null} value are left out. */
    static String query(String path, Object... namesAndValues) {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                url.append(separator)
                        .append(namesAndValues[i])
                        .append('=')
                        .append(encode(namesAndValues[i + 1].toString()));
                separator = '&';
            }
        }
        return url.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
