package dev.graphmemory.model;

import java.time.Duration;
import java.util.List;

/**
 * How Neo4j plans one of the statements the library sends (see {@code GraphMemory.planStatements}).
 *
 * @param statement the operation and what sets this statement apart, e.g. {@code linkNodes INVOLVES}
 * @param planTime how long {@code EXPLAIN} took, the round trip included (nothing runs)
 * @param operators the plan's operators, from the result down to the leaves
 * @param scans the operators that read a whole label, relationship type, index or the whole store, with their
 *     details; empty when every lookup goes through an index seek
 */
public record StatementPlan(String statement, Duration planTime, List<String> operators, List<String> scans) {

    /** Copies the lists. */
    public StatementPlan {
        operators = List.copyOf(operators);
        scans = List.copyOf(scans);
    }
}
