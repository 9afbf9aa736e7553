package dev.graphmemory.model;

/**
 * A fact replaced by a newer one.
 *
 * @param replaced the old fact, kept, ended when the new one became true and linked to it
 * @param current the new fact, linked from the old one by {@link RelationshipType#SUPERSEDED_BY}
 */
public record FactReplacement(Fact replaced, Fact current) {}
