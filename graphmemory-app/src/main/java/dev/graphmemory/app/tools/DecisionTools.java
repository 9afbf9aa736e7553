package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.SharedParams.DECISION;
import static dev.graphmemory.app.tools.SharedParams.DOMAIN;
import static dev.graphmemory.app.tools.SharedParams.INCLUDE_SUPERSEDED;
import static dev.graphmemory.app.tools.SharedParams.LIMIT;
import static dev.graphmemory.app.tools.Tool.Effect.READS;
import static dev.graphmemory.app.tools.Tool.Effect.WRITES;

/** The tools of decisions: what was decided and why, and which later decision replaced it. */
final class DecisionTools {
    static final Tool RECORD_DECISION = Tool.of(
            "record_decision",
            "Record a decision",
            "Remember a decision with its rationale and the alternatives considered, so it can be recalled"
                    + " and explained later.",
            WRITES,
            (memory, args) -> memory.recordDecision(ArgumentMapper.decision(args)),
            DECISION);

    static final Tool GET_DECISIONS = Tool.of(
            "get_decisions",
            "List decisions",
            "List decisions, newest first, optionally of a domain or of the last few days. Decisions that a"
                    + " newer one superseded are left out unless include_superseded is true; they carry"
                    + " superseded_at.",
            READS,
            (memory, args) -> new Results.Decisions(memory.getDecisions(ArgumentMapper.decisionQuery(args))),
            DOMAIN,
            integer("days", "Only decisions of the last this many days", 1, 36_500),
            INCLUDE_SUPERSEDED,
            LIMIT);

    /** Takes the decision to supersede, then the arguments of the new decision. */
    static final Tool SUPERSEDE_DECISION = Tool.of(
            "supersede_decision",
            "Supersede a decision",
            "Record a decision that replaces an earlier one. The earlier one is kept as history, marked with"
                    + " superseded_at and linked to the new one (SUPERSEDED_BY); the new one involves the same"
                    + " entities. get_decisions then shows the new one only.",
            WRITES,
            (memory, args) -> memory.supersedeDecision(args.string("decision_id"), ArgumentMapper.decision(args)),
            SharedParams.prepend(
                    string("decision_id", "Id of the decision that no longer holds")
                            .mandatory(),
                    DECISION));

    private DecisionTools() {}
}
