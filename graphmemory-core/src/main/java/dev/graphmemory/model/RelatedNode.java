package dev.graphmemory.model;

import java.util.List;

/**
 * A memory found near another one.
 *
 * @param node the memory
 * @param distance the number of hops on a shortest path to it
 * @param path the relationship types along that path, from the start
 */
public record RelatedNode(MemoryNode node, int distance, List<RelationshipType> path) {

    /** Copies the path. */
    public RelatedNode {
        path = List.copyOf(path);
    }
}
