/**
 * The built-in embedder of graphmemory ({@link dev.graphmemory.embeddings.E5SmallEmbedder}), found by
 * {@link dev.graphmemory.EmbedderProvider} when this module is on the class path.
 */
package dev.graphmemory.embeddings;
