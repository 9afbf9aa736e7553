package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.bool;
import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.objects;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.Param.strings;
import static dev.graphmemory.app.tools.Tool.Effect.READS;
import static dev.graphmemory.app.tools.Tool.Effect.WRITES;

import dev.graphmemory.model.Limits;

/**
 * The tools of facts: statements about entities that hold for a time. A fact that changes is replaced, never
 * overwritten: the old one is kept with the time it stopped being true, so what held at any moment can be read back.
 */
final class FactTools {
    /** How many facts {@code record_facts} takes; the library chunks them. */
    private static final int MAX_ITEMS = 10_000;

    private static final Param STATEMENT =
            string("statement", "What holds, in a sentence").mandatory().maxLength(Limits.FACT);
    private static final Param CONVERSATION_ID =
            string("conversation_id", "The conversation it was learned in (the id start_session returned)");
    private static final Param VALID_FROM = string(
            "valid_from",
            "When it became true: a date (2024-01-01) or a date-time (2024-01-01T09:00:00Z); default now");
    private static final Param VALID_UNTIL =
            string("valid_until", "When it stopped being true, when that is known already: a date or a date-time");

    static final Param[] FACT = {
        STATEMENT,
        strings(
                        "about",
                        "The names of the entities it is about (each must exist; case and spacing ignored)",
                        Limits.FACT_ENTITIES)
                .mandatory(),
        CONVERSATION_ID,
        VALID_FROM,
        VALID_UNTIL
    };

    static final Tool RECORD_FACT = Tool.of(
            "record_fact",
            "Record a fact",
            "Remember a fact about one or more entities (\"Bob lives in Paris\", \"Acme's fiscal year ends in"
                    + " March\"), true from valid_from (default now). When it changes later, use replace_fact, so"
                    + " that the old one is kept as history.",
            WRITES,
            (memory, args) -> memory.recordFact(ArgumentMapper.fact(args)),
            FACT);

    static final Tool RECORD_FACTS = Tool.of(
            "record_facts",
            "Record facts in bulk",
            "Record many facts in one statement. Returns a result per fact: created or failed with the reason"
                    + " (an entity that does not exist, say).",
            WRITES,
            (memory, args) -> Results.BatchReport.of(memory.recordFacts(
                    ArgumentMapper.each(args, "facts", ArgumentMapper::fact), ArgumentMapper.mode(args))),
            objects("facts", "The facts", MAX_ITEMS, FACT).mandatory(),
            SharedParams.MODE);

    static final Tool END_FACT = Tool.of(
            "end_fact",
            "End a fact",
            "Record that a fact stopped being true (at valid_until, default now) without a new fact replacing it."
                    + " It is kept as history; get_facts then leaves it out.",
            WRITES,
            (memory, args) -> memory.endFact(args.string("fact_id"), ArgumentMapper.validUntil(args)),
            string("fact_id", "The id of the fact that no longer holds").mandatory(),
            VALID_UNTIL);

    static final Tool REPLACE_FACT = Tool.of(
            "replace_fact",
            "Replace a fact",
            "Record a fact that replaces an earlier one (\"Bob lives in Berlin\" for \"Bob lives in Paris\")."
                    + " The earlier one is kept, ends when the new one became true (valid_from, default now) and"
                    + " is linked to it (SUPERSEDED_BY); the new one is about the same entities, and any it names.",
            WRITES,
            (memory, args) -> memory.replaceFact(args.string("fact_id"), ArgumentMapper.fact(args)),
            string("fact_id", "The id of the fact that no longer holds").mandatory(),
            STATEMENT,
            strings("about", "Names of further entities it is about", Limits.FACT_ENTITIES),
            CONVERSATION_ID,
            VALID_FROM,
            VALID_UNTIL);

    static final Tool GET_FACTS = Tool.of(
            "get_facts",
            "List an entity's facts",
            "List the facts about an entity that hold now, the latest to become true first; with as_of, those"
                    + " that held then; with history, every fact with when it held and what replaced it.",
            READS,
            (memory, args) -> new Results.Facts(memory.getFacts(ArgumentMapper.factQuery(args))),
            string("entity", "The entity's name (case and spacing ignored)")
                    .mandatory()
                    .maxLength(Limits.NAME),
            string("as_of", "List what held at this moment: a date or a date-time (default now)"),
            bool("history", "List every fact, ended and replaced ones too (as_of is then ignored)"),
            integer("limit", "Most facts (default 20)", 1, Limits.MAX_LIMIT));

    private FactTools() {}
}
