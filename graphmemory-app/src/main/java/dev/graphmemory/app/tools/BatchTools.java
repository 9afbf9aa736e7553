package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.object;
import static dev.graphmemory.app.tools.Param.objects;
import static dev.graphmemory.app.tools.Param.oneOf;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.SharedParams.COMMITMENT;
import static dev.graphmemory.app.tools.SharedParams.DECISION;
import static dev.graphmemory.app.tools.SharedParams.ENTITY;
import static dev.graphmemory.app.tools.SharedParams.LINK;
import static dev.graphmemory.app.tools.SharedParams.MODE;
import static dev.graphmemory.app.tools.SharedParams.PATTERN;
import static dev.graphmemory.app.tools.SharedParams.RELATIONSHIPS;
import static dev.graphmemory.app.tools.Tool.Effect.WRITES;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.BatchResult;
import dev.graphmemory.model.NewMemory;
import java.util.List;
import java.util.function.Function;

/**
 * The tools that store many memories in one statement: a bulk tool per kind, each item with the same fields as its
 * single tool, and {@code store_memory}, which stores what one conversation turn produced in one transaction.
 */
final class BatchTools {
    /** How many items of one list a bulk tool takes; the library chunks them. */
    private static final int MAX_ITEMS = 10_000;

    /** The key that links of the same {@code store_memory} call use to name an item. */
    private static final Param KEY = string(
                    "key", "Your name for this item, used by links of this call (letters, digits, _ and -)")
            .mandatory();

    static final Tool CREATE_ENTITIES = bulk(
            "create_entities",
            "Create entities in bulk",
            "Create or update many entities in one statement. Returns a result per entity: created, updated"
                    + " or failed.",
            objects("entities", "The entities", MAX_ITEMS, ENTITY),
            ArgumentMapper::entity,
            GraphMemory::createEntities);

    static final Tool LINK_NODES_BATCH = bulk(
            "link_nodes_batch",
            "Link memories in bulk",
            "Create many relationships in one statement. " + SharedParams.relationshipRules()
                    + " Returns a result per link: created, updated or failed with the reason.",
            objects("links", "The links", MAX_ITEMS, LINK),
            ArgumentMapper::link,
            GraphMemory::linkNodes);

    static final Tool RECORD_PATTERNS = bulk(
            "record_patterns",
            "Record patterns in bulk",
            "Record many pattern observations in one statement; observations of the same pattern each count.",
            objects("patterns", "The observations", MAX_ITEMS, PATTERN),
            ArgumentMapper::pattern,
            GraphMemory::recordPatterns);

    static final Tool CREATE_COMMITMENTS = bulk(
            "create_commitments",
            "Create commitments in bulk",
            "Create many commitments in one statement.",
            objects("commitments", "The commitments", MAX_ITEMS, COMMITMENT),
            ArgumentMapper::commitment,
            GraphMemory::createCommitments);

    static final Tool STORE_MEMORY = Tool.of(
            "store_memory",
            "Store a whole memory",
            "Store what one conversation turn produced, at once: commitments, decisions, entities and"
                    + " patterns, each with a key of your choice, and links between them by key (or to"
                    + " memories stored earlier, by id). One transaction: all of it is stored"
                    + " or none. Entities and patterns that exist already are reused. "
                    + SharedParams.relationshipRules(),
            WRITES,
            (memory, args) -> memory.storeMemory(ArgumentMapper.newMemory(args)),
            objects(
                    "commitments",
                    "Commitments, each with a key",
                    NewMemory.MAX_ITEMS,
                    SharedParams.prepend(KEY, COMMITMENT)),
            objects(
                    "decisions",
                    "Decisions, each with a key",
                    NewMemory.MAX_ITEMS,
                    SharedParams.prepend(KEY, DECISION)),
            objects("entities", "Entities, each with a key", NewMemory.MAX_ITEMS, SharedParams.prepend(KEY, ENTITY)),
            objects(
                    "patterns",
                    "Pattern observations, each with a key",
                    NewMemory.MAX_ITEMS,
                    SharedParams.prepend(KEY, PATTERN)),
            objects(
                    "links",
                    "Links; from and to are keys of this call or ids of stored memories",
                    NewMemory.MAX_ITEMS,
                    string("from", "A key of this call, or the id of a stored memory")
                            .mandatory(),
                    oneOf("relationship", "The relationship type", RELATIONSHIPS)
                            .mandatory(),
                    string("to", "A key of this call, or the id of a stored memory")
                            .mandatory(),
                    object("properties", "Optional properties of the relationship")));

    private BatchTools() {}

    /** A bulk write of the library: the items, each stored or failed on its own in best-effort mode. */
    @FunctionalInterface
    private interface BulkWrite<T> {
        BatchResult<?> apply(GraphMemory memory, List<T> items, BatchMode mode);
    }

    /**
     * A bulk tool: a mandatory list of {@code items}, each made into a model value by {@code make}, and the shared
     * {@code mode}; it answers with the counts by status and a result per item.
     */
    private static <T> Tool bulk(
            String name, String title, String description, Param items, Function<Args, T> make, BulkWrite<T> write) {
        return Tool.of(
                name,
                title,
                description,
                WRITES,
                (memory, args) -> Results.BatchReport.of(
                        write.apply(memory, ArgumentMapper.each(args, items.name(), make), ArgumentMapper.mode(args))),
                items.mandatory(),
                MODE);
    }
}
