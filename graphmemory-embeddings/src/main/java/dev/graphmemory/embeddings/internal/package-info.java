/** The tokenizer and the native libraries of the built-in embedder; users never import this package. */
package dev.graphmemory.embeddings.internal;
