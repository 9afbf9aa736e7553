package dev.graphmemory.app.ui;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of one memory: its properties, its links (a page at a time) and its neighbourhood as a graph; for an
 * entity, its commitments, decisions, patterns and conversations first, then whatever else links to it, listed by
 * kind, kinds this inspector does not know included. Also forgetting it, after a confirmation.
 */
final class MemoryPages {
    /** How many of each kind an entity's page lists from its context. */
    static final int CONTEXT_LIMIT = 20;

    /** The most links a page skips: a memory's links are read in pages of {@link Reads#MAX_PAGE}. */
    static final int MAX_SKIP = 10_000_000;

    /** How many characters of a memory's text a graph node shows. */
    static final int NODE_LABEL = 40;

    /** The kinds the entity context lists; an entity's page lists other kinds from its links. */
    private static final Set<String> CONTEXT_KINDS = Set.of(
            MemoryKind.COMMITMENT.label(),
            MemoryKind.DECISION.label(),
            MemoryKind.PATTERN.label(),
            MemoryKind.CONVERSATION.label());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MemoryPages() {}

    static String memory(GraphMemory memory, String id, Query query) {
        Reads reads = new Reads(memory);
        Reads.Shown shown = reads.memory(id).orElseThrow(Routes.NotFound::new);
        int skip = query.integer("skip", 0, 0, MAX_SKIP);
        Reads.Slice<Reads.Link> links = reads.links(id, skip, Reads.MAX_PAGE);
        Page page = new Page(shown.kind() + ": " + Pages.shortened(shown.title(), 80), memory.namespace(), true);
        page.raw("<div id=\"graph\" class=\"graph\" data-src=\"")
                .text(Page.path(Routes.GRAPH, id))
                .raw("\" data-center=\"")
                .text(id)
                .raw("\"></div><p class=\"hint\">Its neighbourhood: click a memory to open it.</p>");
        properties(page, shown);
        page.raw("<p><a class=\"danger\" id=\"forget\" href=\"")
                .text(Page.path(Routes.MEMORY, id) + Routes.FORGET)
                .raw("\">Forget this memory…</a></p>");
        if (shown.kind().equals(MemoryKind.ENTITY.label()) && shown.properties().get("name") instanceof String name) {
            context(page, memory.getEntityContext(name, CONTEXT_LIMIT), links);
        }
        linkTable(page, links);
        return Pages.next(
                        page,
                        links.more(),
                        Page.query(
                                Page.path(Routes.MEMORY, id),
                                "skip",
                                skip + links.items().size()))
                .finish();
    }

    private static void properties(Page page, Reads.Shown shown) {
        page.raw("<table class=\"properties\"><tbody>");
        for (Map.Entry<String, Object> property : new TreeMap<>(shown.properties()).entrySet()) {
            page.raw("<tr><th>").text(property.getKey()).raw("</th><td>");
            Object value = property.getValue();
            if (value instanceof List<?> list) {
                page.raw("<ul>");
                list.forEach(item -> page.raw("<li>").text(item).raw("</li>"));
                page.raw("</ul>");
            } else if (property.getKey().endsWith("At") || property.getKey().endsWith("Observed")) {
                page.time(value);
            } else {
                page.raw("<div class=\"value\">").text(value).raw("</div>");
            }
            page.raw("</td></tr>");
        }
        page.raw("</tbody></table>");
    }

    /** An entity's memories by kind: those its context lists, then the other kinds among its first links. */
    private static void context(Page page, EntityContext context, Reads.Slice<Reads.Link> links) {
        page.raw("<h2>Commitments</h2>");
        list(page, context.commitments().isEmpty());
        for (Commitment commitment : context.commitments()) {
            item(page, commitment.id(), MemoryKind.COMMITMENT, commitment.content());
            page.raw(" <span class=\"meta\">").text(commitment.status().name().toLowerCase(java.util.Locale.ROOT));
            page.raw(commitment.deadline() == null ? "" : ", due ")
                    .text(commitment.deadline())
                    .raw("</span></li>");
        }
        page.raw("</ul><h2>Decisions</h2>");
        list(page, context.decisions().isEmpty());
        for (Decision decision : context.decisions()) {
            item(page, decision.id(), MemoryKind.DECISION, decision.content());
            page.raw(" <span class=\"meta\">")
                    .text(Pages.shortened(decision.rationale(), 200))
                    .raw("</span></li>");
        }
        page.raw("</ul><h2>Patterns</h2>");
        list(page, context.patterns().isEmpty());
        for (Pattern pattern : context.patterns()) {
            item(page, pattern.id(), MemoryKind.PATTERN, pattern.description());
            page.raw(" <span class=\"meta\">strength ").text(pattern.strength()).raw("</span></li>");
        }
        page.raw("</ul><h2>Conversations</h2>");
        list(page, context.conversations().isEmpty());
        for (Conversation conversation : context.conversations()) {
            item(
                    page,
                    conversation.id(),
                    MemoryKind.CONVERSATION,
                    conversation.summary() != null ? conversation.summary() : conversation.agent());
            page.raw("</li>");
        }
        page.raw("</ul>");
        Map<String, List<Reads.Link>> others = new TreeMap<>();
        for (Reads.Link link : links.items()) {
            if (!CONTEXT_KINDS.contains(link.kind())) {
                others.computeIfAbsent(link.kind(), kind -> new ArrayList<>()).add(link);
            }
        }
        others.forEach((kind, linked) -> {
            page.raw("<h2 class=\"other-kind\">").text(kind).raw("</h2><ul class=\"memories\">");
            for (Reads.Link link : linked) {
                page.raw("<li>");
                Pages.memory(page, link.id(), link.kind(), link.title());
                page.raw(" <span class=\"meta\">").text(link.type()).raw("</span></li>");
            }
            page.raw("</ul>");
        });
    }

    private static void list(Page page, boolean empty) {
        page.raw(empty ? "<p class=\"empty\">None.</p><ul class=\"memories\">" : "<ul class=\"memories\">");
    }

    private static void item(Page page, String id, MemoryKind kind, String title) {
        page.raw("<li>");
        Pages.memory(page, id, kind.label(), title);
    }

    private static void linkTable(Page page, Reads.Slice<Reads.Link> links) {
        page.raw("<h2>Links</h2>");
        if (links.items().isEmpty()) {
            page.raw("<p class=\"empty\">None.</p>");
            return;
        }
        page.raw("<table class=\"list links\"><thead><tr><th>link</th><th>memory</th></tr></thead><tbody>");
        for (Reads.Link link : links.items()) {
            page.raw("<tr><td>")
                    .raw(link.outgoing() ? "→ " : "← ")
                    .text(link.type())
                    .raw("</td><td>");
            Pages.memory(page, link.id(), link.kind(), link.title());
            page.raw("</td></tr>");
        }
        page.raw("</tbody></table>");
    }

    /** The memory and its first {@link Reads#MAX_PAGE} links as Cytoscape.js elements. */
    static String graph(GraphMemory memory, String id) {
        Reads reads = new Reads(memory);
        Reads.Shown center = reads.memory(id).orElseThrow(Routes.NotFound::new);
        Reads.Slice<Reads.Link> links = reads.links(id, 0, Reads.MAX_PAGE);
        Map<String, Object> nodes = new LinkedHashMap<>();
        nodes.put(id, node(id, center.kind(), center.title(), true));
        List<Object> edges = new ArrayList<>();
        for (Reads.Link link : links.items()) {
            nodes.putIfAbsent(link.id(), node(link.id(), link.kind(), link.title(), false));
            edges.add(Map.of(
                    "data",
                    Map.of(
                            "id",
                            "e" + edges.size(),
                            "source",
                            link.outgoing() ? id : link.id(),
                            "target",
                            link.outgoing() ? link.id() : id,
                            "label",
                            link.type())));
        }
        return JSON.writeValueAsString(Map.of("nodes", nodes.values(), "edges", edges, "truncated", links.more()));
    }

    private static Map<String, Object> node(String id, String kind, String title, boolean center) {
        return Map.of(
                "data",
                Map.of(
                        "id", id,
                        "kind", kind,
                        "label", Pages.shortened(title, NODE_LABEL),
                        "center", center,
                        "href", Page.path(Routes.MEMORY, id)));
    }

    /** Asks before forgetting: what will go, that it cannot be undone, and a form that posts the decision. */
    static String confirmForget(GraphMemory memory, String id, String csrf) {
        Reads reads = new Reads(memory);
        Reads.Shown shown = reads.memory(id).orElseThrow(Routes.NotFound::new);
        Reads.Slice<Reads.Link> links = reads.links(id, 0, Reads.MAX_PAGE);
        Page page = new Page("Forget this memory?", memory.namespace(), false);
        page.raw("<p>");
        Pages.memory(page, id, shown.kind(), shown.title());
        page.raw("</p><p class=\"warning\">This removes the memory and its ")
                .text(
                        links.more()
                                ? "more than " + links.items().size()
                                : links.items().size())
                .raw(" links for good")
                .raw(shown.kind().equals(MemoryKind.CONVERSATION.label()) ? ", with the conversation's turns" : "")
                .raw(". An audit record keeps that it was forgotten, not what it said.</p>")
                .raw("<form method=\"post\" action=\"")
                .text(Page.path(Routes.MEMORY, id) + Routes.FORGET)
                .raw("\"><input type=\"hidden\" name=\"")
                .text(BrowserAccess.CSRF_PARAMETER)
                .raw("\" value=\"")
                .text(csrf)
                .raw("\"><button type=\"submit\" id=\"confirm-forget\" class=\"danger\">Forget it</button> ")
                .link(Page.path(Routes.MEMORY, id), "Keep it")
                .raw("</form>");
        return page.finish();
    }

    /** Forgets the memory; returns the address of the page that says what was forgotten. */
    static String forget(GraphMemory memory, String id) {
        Forgotten forgotten = memory.forget(id);
        return Page.query(
                "/forgotten",
                "memories",
                forgotten.total(),
                "relationships",
                forgotten.relationships(),
                "audit",
                forgotten.auditId());
    }

    static String forgotten(GraphMemory memory, Query query) {
        int memories = query.integer("memories", 0, 0, Integer.MAX_VALUE);
        int relationships = query.integer("relationships", 0, 0, Integer.MAX_VALUE);
        String audit = query.text("audit");
        return new Page("Forgotten", memory.namespace(), false)
                .raw("<p class=\"done\">Forgotten: ")
                .text(memories)
                .raw(memories == 1 ? " memory and " : " memories and ")
                .text(relationships)
                .raw(relationships == 1 ? " link." : " links.")
                .raw(audit == null ? "" : " The audit record ")
                .text(audit == null ? "" : Pages.shortened(audit, Limits.REF))
                .raw(audit == null ? "" : " keeps that it happened.")
                .raw("</p><p><a href=\"/\">Back to the search</a></p>")
                .finish();
    }
}
