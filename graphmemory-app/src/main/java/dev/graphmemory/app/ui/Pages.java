package dev.graphmemory.app.ui;

/** What several pages show: a problem, a memory's kind and link, the link to the next page of a list. */
final class Pages {
    static final String UNAUTHORIZED =
            "This inspector needs its token. Open the address graphmemory printed (it ends in"
                    + " ?token=…) once: the browser then gets a cookie for this server, and the token leaves the address.";

    private Pages() {}

    /** A page that says what went wrong, with nothing of the server's insides. */
    static String problem(String title, String namespace, String message) {
        return new Page(title, namespace, false)
                .raw("<p class=\"problem\">")
                .text(message)
                .raw("</p><p><a href=\"/\">Back to the search</a></p>")
                .finish();
    }

    /** A memory's kind as a badge, and its title as a link to its page. */
    static Page memory(Page page, String id, String kind, String title) {
        kind(page, kind).raw(" ");
        return page.link(Page.path(Routes.MEMORY, id), shortened(title, 300));
    }

    static Page kind(Page page, String kind) {
        return page.raw("<span class=\"kind\" data-kind=\"")
                .text(kind)
                .raw("\">")
                .text(kind)
                .raw("</span>");
    }

    /** The link to the next page of a list, if there is one. */
    static Page next(Page page, boolean more, String href) {
        if (more) {
            page.raw("<p class=\"pager\"><a rel=\"next\" href=\"").text(href).raw("\">Next page →</a></p>");
        }
        return page;
    }

    static String shortened(String text, int length) {
        if (text == null) {
            return "";
        }
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }
}
