package dev.graphmemory.app.tools;

import dev.graphmemory.model.BatchResult;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.Health;
import dev.graphmemory.model.LikelyDuplicate;
import dev.graphmemory.model.MemoryNode;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.RelatedNode;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchResult;
import dev.graphmemory.model.Timeline;
import dev.graphmemory.model.TimelineEvent;
import dev.graphmemory.model.Turn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shapes of tool results where a tool's JSON is not the library's value as it comes.
 *
 * <p>The one rule: a handler returns a record, and {@link ToolCalls} turns it into JSON through {@link Json}'s one
 * mapper (snake_case names, enum values in lower case, ISO-8601 times). Most tools return the library's record as it
 * is. The others return one of the records below: a list under a name ({@code {"commitments": [...]}}), a memory
 * flattened to id, kind, title and properties, counts instead of the items. No handler builds a map, so the field
 * order of a result is the order of its record's components, and a change to a shape is a change to one record.
 */
final class Results {
    private Results() {}

    /**
     * {@code start_session}: the conversation with its id also as {@code session_id}, the name the original adapter
     * answered with and its callers read.
     */
    record Session(
            String id,
            String sessionId,
            String agent,
            String mood,
            java.time.Instant startedAt,
            java.time.Instant endedAt,
            String summary,
            Long tokensUsed) {
        static Session of(dev.graphmemory.model.Conversation conversation) {
            return new Session(
                    conversation.id(),
                    conversation.id(),
                    conversation.agent(),
                    conversation.mood(),
                    conversation.startedAt(),
                    conversation.endedAt(),
                    conversation.summary(),
                    conversation.tokensUsed());
        }
    }

    /** {@code get_commitments}. */
    record Commitments(List<Commitment> commitments) {}

    /** {@code get_facts}. */
    record Facts(List<dev.graphmemory.model.Fact> facts) {}

    /** {@code find_duplicate_entities}. */
    record Duplicates(List<LikelyDuplicate> duplicates) {}

    /** {@code get_decisions}. */
    record Decisions(List<Decision> decisions) {}

    /** {@code get_patterns}. */
    record Patterns(List<Pattern> patterns) {}

    /** {@code find_related}: each memory with its distance and the relationship types on the way. */
    record Related(List<RelatedMemory> related) {
        static Related of(List<RelatedNode> nodes) {
            return new Related(nodes.stream().map(RelatedMemory::of).toList());
        }
    }

    /** One memory of {@link Related}. */
    record RelatedMemory(
            String id, String kind, String title, int distance, List<String> path, Map<String, Object> properties) {
        static RelatedMemory of(RelatedNode related) {
            MemoryNode node = related.node();
            return new RelatedMemory(
                    node.id(),
                    node.kind().value(),
                    node.title(),
                    related.distance(),
                    related.path().stream().map(Enum::name).toList(),
                    node.properties());
        }
    }

    /** {@code search_memory} and {@code similar_memories}: best first, and whether texts were shortened. */
    record Hits(List<Hit> hits, boolean truncated) {
        static Hits of(SearchResult result) {
            return new Hits(result.hits().stream().map(Hit::of).toList(), result.truncated());
        }
    }

    /**
     * One memory of {@link Hits}, with why it matched ({@code why}: each signal, its score, its rank in its own
     * ranking, and what it refers to), left out when there is none to give (similar_memories).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    record Hit(
            String id,
            String kind,
            String title,
            Map<String, Object> properties,
            double score,
            boolean truncated,
            List<SearchHit.Signal> why) {
        static Hit of(SearchHit hit) {
            MemoryNode node = hit.memory();
            return new Hit(
                    node.id(),
                    node.kind().value(),
                    node.title(),
                    node.properties(),
                    hit.score(),
                    hit.truncated(),
                    hit.why());
        }
    }

    /** {@code record_turns}, {@code get_turns} and {@code turns_around}: in order; {@code next_after} pages on. */
    record Turns(List<Turn> turns, Long nextAfter) {
        static Turns of(List<Turn> turns) {
            return new Turns(turns, null);
        }

        /** A page of {@code limit}: when it is full, the place to ask for the next one after. */
        static Turns page(List<Turn> turns, int limit) {
            return new Turns(
                    turns, turns.size() == limit ? turns.get(turns.size() - 1).sequence() : null);
        }
    }

    /** {@code timeline}: newest first, and whether texts were shortened. */
    record Events(List<Event> events, boolean truncated) {
        static Events of(Timeline timeline) {
            return new Events(timeline.events().stream().map(Event::of).toList(), timeline.truncated());
        }
    }

    /**
     * One event of {@link Events}. {@code at} is the instant's own text ({@link java.time.Instant#toString()}), which
     * keeps every digit of the stored time.
     */
    record Event(
            String at,
            String event,
            String id,
            String kind,
            String title,
            Map<String, Object> properties,
            boolean truncated) {
        static Event of(TimelineEvent event) {
            MemoryNode node = event.memory();
            return new Event(
                    event.at().toString(),
                    event.type().name().toLowerCase(Locale.ROOT),
                    node.id(),
                    node.kind().value(),
                    node.title(),
                    node.properties(),
                    event.truncated());
        }
    }

    /** {@code forget} and {@code forget_namespace}: counts only, since the content is gone. */
    record ForgetReport(long forgotten, Map<String, Long> memories, long relationships, String auditId) {
        static ForgetReport of(Forgotten forgotten) {
            Map<String, Long> memories = new LinkedHashMap<>();
            forgotten.memories().forEach((kind, count) -> memories.put(kind.value(), count));
            return new ForgetReport(forgotten.total(), memories, forgotten.relationships(), forgotten.auditId());
        }
    }

    /** The bulk tools: counts by status first, for a model that only needs to know whether all went well. */
    record BatchReport(long created, long updated, long failed, List<? extends BatchResult.Item<?>> items) {
        static BatchReport of(BatchResult<?> result) {
            return new BatchReport(
                    result.count(BatchResult.Status.CREATED),
                    result.count(BatchResult.Status.UPDATED),
                    result.count(BatchResult.Status.FAILED),
                    result.items());
        }
    }

    /** {@code health_check}: the round trip in milliseconds, the unit a reader expects of it. */
    record HealthReport(
            boolean healthy,
            String server,
            String edition,
            String database,
            int schemaVersion,
            List<String> missingSchema,
            Double roundTripMs,
            Health.PoolState pool,
            String problem) {
        static HealthReport of(Health health) {
            return new HealthReport(
                    health.healthy(),
                    health.serverAgent(),
                    health.edition(),
                    health.database(),
                    health.schemaVersion(),
                    health.missingSchema(),
                    health.roundTrip() == null ? null : health.roundTrip().toNanos() / 1e6,
                    health.pool(),
                    health.problem());
        }
    }

    /** {@code set_embedding}: which memory got a vector of how many numbers; the vector itself is not echoed. */
    record EmbeddingSet(String id, String kind, int dimensions) {
        static EmbeddingSet of(MemoryNode node, int dimensions) {
            return new EmbeddingSet(node.id(), node.kind().value(), dimensions);
        }
    }
}
