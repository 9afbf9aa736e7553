package dev.graphmemory.model;

/**
 * Two entities that may be one, with the reason: what an assistant shows the user before asking to merge them (see
 * {@code MemoryOperations.mergeEntities}). Nothing is changed by finding them.
 *
 * @param firstId the id of one entity
 * @param firstName its name
 * @param secondId the id of the other
 * @param secondName its name
 * @param reason why they may be one, e.g. {@code "short form: Bob / Bob Smith"}
 */
public record LikelyDuplicate(String firstId, String firstName, String secondId, String secondName, String reason) {}
