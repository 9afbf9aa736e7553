package dev.graphmemory.model;

import java.time.Instant;

/**
 * Which facts of an entity to list: those that hold now (the default), those that held at a moment ({@link #asOf}),
 * or all of them with their history ({@link #withHistory}), the latest to become true first.
 *
 * <pre>{@code
 * List<Fact> then = memory.getFacts(FactQuery.about("Bob").asOf(Instant.parse("2024-03-01T00:00:00Z")));
 * }</pre>
 *
 * @param entity the name of the entity (required; case and spacing ignored)
 * @param asOf list the facts that held at this moment, or {@code null} for now
 * @param history whether every fact is listed, ended and replaced ones too ({@code asOf} is then ignored)
 * @param limit at most this many; {@code null} means {@value Limits#DEFAULT_LIMIT}
 */
public record FactQuery(String entity, Instant asOf, boolean history, Integer limit) {

    /** Checks the entity and applies the default limit. */
    public FactQuery {
        entity = Validate.line("entity", entity, Limits.NAME);
        limit = Validate.limit("limit", limit, Limits.DEFAULT_LIMIT, Limits.MAX_LIMIT);
    }

    /** The facts about this entity that hold now. */
    public static FactQuery about(String entity) {
        return new FactQuery(entity, null, false, null);
    }

    /** Those that held at {@code time}. */
    public FactQuery asOf(Instant time) {
        return new FactQuery(entity, time, history, limit);
    }

    /** With {@code true}, every fact, whether it holds or not. */
    public FactQuery withHistory(boolean all) {
        return new FactQuery(entity, asOf, all, limit);
    }

    /** At most this many. */
    public FactQuery limit(int newLimit) {
        return new FactQuery(entity, asOf, history, newLimit);
    }

    /** The key that finds the entity (the normalized name). */
    public String entityKey() {
        return Validate.normalizedKey(entity);
    }
}
