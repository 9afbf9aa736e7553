package dev.graphmemory.internal.cypher;

import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.MemoryNode;
import dev.graphmemory.model.Timeline;
import dev.graphmemory.model.TimelineEvent;
import dev.graphmemory.model.TimelineQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neo4j.driver.Record;

/**
 * The timeline: events of every kind in a window, newest first. Each kind of event is read through a range index on
 * (namespace, its time) and cut to the limit on its own, then the branches are merged; no branch scans a label. A
 * memory can appear more than once (stored, then completed), always as it is now.
 *
 * <p>A turn is an event when it was said, not when it was recorded (a conversation may be recorded long after). A fact
 * is an event when it was stored and when it stopped being true ({@code validUntil}).
 *
 * <p>A pattern counts as observed again when it has more than one observation; comparing {@code lastObserved} with
 * {@code firstObserved} instead would stop the planner from seeking the window on the index.
 */
public final class TimelineStatements {
    /** The end of a window that has none: later than any time graphmemory stores. */
    static final ZonedDateTime OPEN_END = ZonedDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);

    static final String TIMELINE = """
            CALL () {
              MATCH (m:Memory) WHERE m.namespace = $namespace AND m.createdAt >= $from AND m.createdAt < $to
                AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels)) AND NOT m:Turn
              RETURN m, 'created' AS type, m.createdAt AS at ORDER BY at DESC LIMIT $limit
              UNION ALL
              MATCH (m:Turn) WHERE m.namespace = $namespace AND m.saidAt >= $from AND m.saidAt < $to
                AND (size($labels) = 0 OR 'Turn' IN $labels)
              RETURN m, 'said' AS type, m.saidAt AS at ORDER BY at DESC LIMIT $limit
              UNION ALL
              MATCH (m:Commitment) WHERE m.namespace = $namespace AND m.completedAt >= $from AND m.completedAt < $to
                AND (size($labels) = 0 OR 'Commitment' IN $labels)
              RETURN m, 'completed' AS type, m.completedAt AS at ORDER BY at DESC LIMIT $limit
              UNION ALL
              MATCH (m:Conversation) WHERE m.namespace = $namespace AND m.endedAt >= $from AND m.endedAt < $to
                AND (size($labels) = 0 OR 'Conversation' IN $labels)
              RETURN m, 'ended' AS type, m.endedAt AS at ORDER BY at DESC LIMIT $limit
              UNION ALL
              MATCH (m:Decision) WHERE m.namespace = $namespace AND m.supersededAt >= $from AND m.supersededAt < $to
                AND (size($labels) = 0 OR 'Decision' IN $labels)
              RETURN m, 'superseded' AS type, m.supersededAt AS at ORDER BY at DESC LIMIT $limit
              UNION ALL
              MATCH (m:Pattern) WHERE m.namespace = $namespace AND m.lastObserved >= $from AND m.lastObserved < $to
                AND m.observations > 1 AND (size($labels) = 0 OR 'Pattern' IN $labels)
              RETURN m, 'observed' AS type, m.lastObserved AS at ORDER BY at DESC LIMIT $limit
              UNION ALL
              MATCH (m:Fact) WHERE m.namespace = $namespace AND m.validUntil >= $from AND m.validUntil < $to
                AND (size($labels) = 0 OR 'Fact' IN $labels)
              RETURN m, 'ended' AS type, m.validUntil AS at ORDER BY at DESC LIMIT $limit
            }
            RETURN m, type, at
            ORDER BY at DESC, m.id DESC, type
            LIMIT $limit
            """;

    private TimelineStatements() {}

    public static Statement<Timeline> timeline(String namespace, TimelineQuery query) {
        var params = Params.in(namespace)
                .with("from", SearchStatements.moment(query.from()))
                .with("to", query.to() == null ? OPEN_END : SearchStatements.moment(query.to()))
                .with("labels", SearchStatements.labels(query.kinds()))
                .with("limit", query.limit() + 1);
        return Statement.read("timeline", TIMELINE, params.map(), rows -> {
            List<MemoryNode> memories = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            List<TimelineEvent.Type> types = new ArrayList<>();
            for (Record record : rows.records()) {
                memories.add(Nodes.memory(record.get("m").asNode()));
                times.add(record.get("at").asZonedDateTime().toInstant());
                types.add(
                        TimelineEvent.Type.valueOf(record.get("type").asString().toUpperCase(Locale.ROOT)));
            }
            boolean more = memories.size() > query.limit();
            TextBudget.Fit fit =
                    TextBudget.fit(memories.subList(0, Math.min(query.limit(), memories.size())), query.maxChars());
            List<TimelineEvent> events = new ArrayList<>();
            for (int i = 0; i < fit.items().size(); i++) {
                TextBudget.Fitted item = fit.items().get(i);
                events.add(new TimelineEvent(times.get(i), types.get(i), item.memory(), item.truncated()));
            }
            return new Timeline(events, more || fit.truncated());
        });
    }
}
