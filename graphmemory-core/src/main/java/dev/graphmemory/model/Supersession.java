package dev.graphmemory.model;

/**
 * A decision replaced by a newer one.
 *
 * @param superseded the old decision, kept, with {@link Decision#supersededAt()} set
 * @param current the new decision, linked from the old one by {@link RelationshipType#SUPERSEDED_BY}
 */
public record Supersession(Decision superseded, Decision current) {}
