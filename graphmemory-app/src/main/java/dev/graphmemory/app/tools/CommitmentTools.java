package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.bool;
import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.oneOf;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.SharedParams.COMMITMENT;
import static dev.graphmemory.app.tools.SharedParams.DOMAIN;
import static dev.graphmemory.app.tools.SharedParams.LIMIT;
import static dev.graphmemory.app.tools.Tool.Effect.READS;
import static dev.graphmemory.app.tools.Tool.Effect.WRITES;

import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.Limits;

/** The tools of commitments: promises the user made, to someone or to themselves. */
final class CommitmentTools {
    static final Tool CREATE_COMMITMENT = Tool.of(
            "create_commitment",
            "Create a commitment",
            "Remember a promise the user made, to someone or to themselves, with an optional deadline. Returns"
                    + " the commitment with its id; call complete_commitment with that id once it is done.",
            WRITES,
            (memory, args) -> memory.createCommitment(ArgumentMapper.commitment(args)),
            COMMITMENT);

    static final Tool COMPLETE_COMMITMENT = Tool.of(
            "complete_commitment",
            "Complete a commitment",
            "Mark a commitment as completed, with what came of it. Completing it again is harmless.",
            WRITES,
            (memory, args) -> memory.completeCommitment(args.string("commitment_id"), args.string("outcome")),
            string("commitment_id", "The id create_commitment returned").mandatory(),
            string("outcome", "What came of it").maxLength(Limits.CONTENT));

    static final Tool UPDATE_COMMITMENT_STATUS = Tool.of(
            "update_commitment_status",
            "Set a commitment's status",
            "Set where a commitment stands: pending, completed, failed (it will not be done) or deferred (put"
                    + " off; not overdue), with what came of it. completed works as complete_commitment; another"
                    + " status makes it no longer completed.",
            WRITES,
            (memory, args) -> memory.setCommitmentStatus(
                    args.string("commitment_id"),
                    CommitmentStatus.parse("status", args.string("status")),
                    args.string("outcome")),
            string("commitment_id", "The id create_commitment returned").mandatory(),
            oneOf("status", "pending, completed, failed or deferred", SharedParams.lowerCase(CommitmentStatus.values()))
                    .mandatory(),
            string("outcome", "What came of it").maxLength(Limits.CONTENT));

    static final Tool GET_COMMITMENTS = Tool.of(
            "get_commitments",
            "List commitments",
            "List commitments, newest first, optionally only those of a status, of a domain, made to"
                    + " someone, or due before a moment. With overdue or due_within_days: only those overdue"
                    + " (pending, past their deadline) or falling due within the next days, soonest first;"
                    + " both together list what needs attention.",
            READS,
            (memory, args) -> new Results.Commitments(memory.getCommitments(ArgumentMapper.commitmentQuery(args))),
            oneOf(
                    "status",
                    "pending, completed, failed or deferred (empty: any)",
                    SharedParams.lowerCase(CommitmentStatus.values())),
            DOMAIN,
            string("to_whom", "Only those made to this person (any case)"),
            string("due_before", "Only those due before this date or date-time"),
            bool("overdue", "Only pending commitments whose deadline has passed"),
            integer("due_within_days", "Only those falling due from now to this many days ahead", 1, 36_500),
            LIMIT);

    private CommitmentTools() {}
}
