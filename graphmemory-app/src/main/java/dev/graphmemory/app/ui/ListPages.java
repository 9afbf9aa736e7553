package dev.graphmemory.app.ui;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SearchResult;
import dev.graphmemory.model.Timeline;
import dev.graphmemory.model.TimelineEvent;
import dev.graphmemory.model.TimelineQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The pages that list memories: search, the timeline, open commitments and patterns. Each list is one bounded page. */
final class ListPages {
    static final int SEARCH_PAGE = 20;
    static final int TIMELINE_PAGE = 50;
    static final int LIST_PAGE = 50;

    /** The earliest time the timeline reads from. */
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

    /** The most rows a list's cursor skips (rows with the same time or strength, shown on earlier pages). */
    static final int MAX_SKIP = 10_000_000;

    /** The cursor of a list's first page: after every memory. */
    private static final String END_OF_TIME = "9999-12-31T23:59:59Z";

    private ListPages() {}

    /**
     * The search of {@code search_memory}: the same operation with the same defaults (hybrid, current decisions), at
     * most {@link Limits#MAX_LIMIT} hits, each with why it matched. Its pages grow: "more" asks again for more hits.
     */
    static String search(GraphMemory memory, Query query) {
        String text = query.text("q");
        String mode = query.text("mode");
        String kind = query.text("kind");
        int limit = query.integer("limit", SEARCH_PAGE, 1, Limits.MAX_LIMIT);
        Page page = new Page(text == null ? "Search" : "Search: " + text, memory.namespace(), false);
        searchForm(page, text, mode, kind);
        if (text == null) {
            return page.raw("<p class=\"hint\">Words, a name or a question: the same search the assistant's")
                    .raw(" <code>search_memory</code> tool runs, by words and by meaning, with why each memory")
                    .raw(" matched.</p>")
                    .finish();
        }
        SearchQuery search = new SearchQuery(
                text,
                false,
                kind == null ? null : Set.of(MemoryKind.parse("kind", kind)),
                null,
                null,
                false,
                mode == null ? null : SearchQuery.Mode.parse("mode", mode),
                null,
                limit,
                Limits.MAX_CHARS);
        SearchResult result = memory.searchMemory(search);
        if (result.hits().isEmpty()) {
            return page.raw("<p class=\"empty\">No memory matches.</p>").finish();
        }
        page.raw("<ol class=\"hits\">");
        for (SearchHit hit : result.hits()) {
            page.raw("<li>");
            Pages.memory(
                    page,
                    hit.memory().id(),
                    hit.memory().kind().label(),
                    hit.memory().title());
            page.raw(" <span class=\"score\">")
                    .text(String.format(Locale.ROOT, "%.3f", hit.score()))
                    .raw("</span>");
            page.raw("<ul class=\"why\">");
            for (SearchHit.Signal signal : hit.why()) {
                page.raw("<li><b>").text(signal.signal()).raw("</b> rank ").text(signal.rank());
                page.raw(", score ").text(String.format(Locale.ROOT, "%.3f", signal.score()));
                if (signal.detail() != null && !signal.detail().isBlank()) {
                    page.raw(": ").text(signal.detail());
                }
                page.raw("</li>");
            }
            page.raw("</ul></li>");
        }
        page.raw("</ol>");
        boolean more = result.hits().size() >= limit && limit < Limits.MAX_LIMIT;
        return Pages.next(
                        page,
                        more,
                        Page.query(
                                "/",
                                "q",
                                text,
                                "mode",
                                mode,
                                "kind",
                                kind,
                                "limit",
                                Math.min(limit + SEARCH_PAGE, Limits.MAX_LIMIT)))
                .finish();
    }

    private static void searchForm(Page page, String text, String mode, String kind) {
        page.raw("<form class=\"search\" method=\"get\" action=\"/\"><input type=\"search\" name=\"q\" value=\"")
                .text(text)
                .raw("\" placeholder=\"words, a name or a question\" aria-label=\"search\" autofocus>");
        page.raw("<select name=\"mode\" aria-label=\"mode\">");
        for (SearchQuery.Mode each : SearchQuery.Mode.values()) {
            String value = each.name().toLowerCase(Locale.ROOT);
            option(page, value, value, value.equals(mode));
        }
        page.raw("</select><select name=\"kind\" aria-label=\"kind\">");
        option(page, "", "every kind", kind == null);
        for (MemoryKind each : MemoryKind.values()) {
            if (SearchQuery.SEARCHABLE.contains(each)) {
                option(page, each.value(), each.value(), each.value().equals(kind));
            }
        }
        page.raw("</select><button type=\"submit\">Search</button></form>");
    }

    private static void option(Page page, String value, String label, boolean selected) {
        page.raw("<option value=\"")
                .text(value)
                .raw(selected ? "\" selected>" : "\">")
                .text(label)
                .raw("</option>");
    }

    /**
     * What happened, newest first, {@link #TIMELINE_PAGE} events a page. The next page reads up to the last event's
     * time, skipping the events at that very time already shown (the timeline's order among them is fixed: by id).
     */
    static String timeline(GraphMemory memory, Query query) {
        Instant before = query.instant("before", null);
        int skip = query.integer("skip", 0, 0, Limits.MAX_LIMIT - TIMELINE_PAGE);
        Timeline timeline = memory.timeline(new TimelineQuery(
                EARLIEST, before == null ? null : before.plusNanos(1), null, TIMELINE_PAGE + skip, Limits.MAX_CHARS));
        List<TimelineEvent> events = timeline.events()
                .subList(
                        Math.min(skip, timeline.events().size()),
                        timeline.events().size());
        Page page = new Page("Timeline", memory.namespace(), false);
        if (events.isEmpty()) {
            return page.raw("<p class=\"empty\">Nothing happened before this.</p>")
                    .finish();
        }
        page.raw("<ol class=\"timeline\">");
        for (TimelineEvent event : events) {
            page.raw("<li>").time(event.at()).raw(" <span class=\"event\">");
            page.text(event.type().name().toLowerCase(Locale.ROOT)).raw("</span> ");
            Pages.memory(
                    page,
                    event.memory().id(),
                    event.memory().kind().label(),
                    event.memory().title());
            page.raw("</li>");
        }
        page.raw("</ol>");
        Instant last = events.get(events.size() - 1).at();
        int nextSkip = nextSkip(events.stream().map(TimelineEvent::at).toList(), before, skip);
        String next = nextSkip <= Limits.MAX_LIMIT - TIMELINE_PAGE
                ? Page.query("/timeline", "before", last, "skip", nextSkip)
                : Page.query("/timeline", "before", last.minusNanos(1)); // more than fit at one instant: go on after it
        return Pages.next(page, timeline.truncated(), next).finish();
    }

    /** Pending commitments, newest first; with {@code overdue=1} only those past their deadline. */
    static String commitments(GraphMemory memory, Query query) {
        boolean overdue = query.flag("overdue");
        Instant before = query.instant("before", null);
        int skip = query.integer("skip", 0, 0, MAX_SKIP);
        Reads.Slice<Map<String, Object>> slice = new Reads(memory)
                .commitments(overdue, before == null ? END_OF_TIME : before.toString(), skip, LIST_PAGE);
        Page page = new Page(overdue ? "Overdue commitments" : "Open commitments", memory.namespace(), false);
        page.raw("<p class=\"tabs\"><a href=\"/commitments\"").raw(overdue ? "" : " class=\"current\"");
        page.raw(">Open</a> <a href=\"/commitments?overdue=1\"").raw(overdue ? " class=\"current\"" : "");
        page.raw(">Overdue</a></p>");
        if (slice.items().isEmpty()) {
            return page.raw("<p class=\"empty\">None.</p>").finish();
        }
        page.raw("<table class=\"list\"><thead><tr><th>commitment</th><th>to whom</th><th>deadline</th>")
                .raw("<th>priority</th><th>created</th></tr></thead><tbody>");
        for (Map<String, Object> row : slice.items()) {
            boolean late = Boolean.TRUE.equals(row.get("overdue"));
            page.raw(late ? "<tr class=\"overdue\"><td>" : "<tr><td>");
            page.link(Page.path(Routes.MEMORY, (String) row.get("id")), row.get("content"));
            page.raw("</td><td>").text(row.get("toWhom")).raw("</td><td>").text(row.get("deadline"));
            page.raw(late ? " <span class=\"late\">overdue</span>" : "");
            page.raw("</td><td>").text(row.get("priority")).raw("</td><td>").time(row.get("createdAt"));
            page.raw("</td></tr>");
        }
        page.raw("</tbody></table>");
        List<Instant> times =
                slice.items().stream().map(row -> instant(row.get("createdAt"))).toList();
        return Pages.next(
                        page,
                        slice.more(),
                        Page.query(
                                "/commitments",
                                "overdue",
                                overdue ? "1" : null,
                                "before",
                                times.get(times.size() - 1),
                                "skip",
                                nextSkip(times, before, skip)))
                .finish();
    }

    /** Patterns, strongest first. */
    static String patterns(GraphMemory memory, Query query) {
        double below = query.decimal("below", 2.0, 0.0, 2.0);
        int skip = query.integer("skip", 0, 0, MAX_SKIP);
        Reads.Slice<Map<String, Object>> slice = new Reads(memory).patterns(below, skip, LIST_PAGE);
        Page page = new Page("Patterns by strength", memory.namespace(), false);
        if (slice.items().isEmpty()) {
            return page.raw("<p class=\"empty\">None.</p>").finish();
        }
        page.raw("<table class=\"list\"><thead><tr><th>pattern</th><th>type</th><th>domain</th><th>frequency</th>")
                .raw("<th>strength</th><th>observations</th><th>last observed</th></tr></thead><tbody>");
        for (Map<String, Object> row : slice.items()) {
            page.raw("<tr><td>").link(Page.path(Routes.MEMORY, (String) row.get("id")), row.get("description"));
            page.raw("</td><td>").text(row.get("type")).raw("</td><td>").text(row.get("domain"));
            page.raw("</td><td>").text(row.get("frequency")).raw("</td><td><meter min=\"0\" max=\"1\" value=\"");
            page.text(row.get("strength")).raw("\"></meter> ").text(row.get("strength"));
            page.raw("</td><td>").text(row.get("observations")).raw("</td><td>").time(row.get("lastObserved"));
            page.raw("</td></tr>");
        }
        page.raw("</tbody></table>");
        List<Double> strengths = slice.items().stream()
                .map(row -> ((Number) row.get("strength")).doubleValue())
                .toList();
        double last = strengths.get(strengths.size() - 1);
        return Pages.next(
                        page,
                        slice.more(),
                        Page.query("/patterns", "below", last, "skip", nextSkip(strengths, below, skip)))
                .finish();
    }

    /**
     * The next page's skip: how many rows with the last value shown were shown, counting the earlier pages' when this
     * page began at that value too. The next page starts at the last value and skips them.
     */
    static <T> int nextSkip(List<T> values, T from, int skip) {
        T last = values.get(values.size() - 1);
        int atLast = (int) values.stream().filter(last::equals).count();
        return (last.equals(from) ? skip : 0) + atLast;
    }

    /** A time as a read-only query returns it (ISO-8601 text, with an offset or a zone) as an instant. */
    static Instant instant(Object iso) {
        String text = String.valueOf(iso);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withAZone) {
            return ZonedDateTime.parse(text).toInstant();
        }
    }
}
