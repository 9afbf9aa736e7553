/**
 * Every Cypher statement the library sends, next to the memory kind that owns it, with the mapping of nodes into
 * model records ({@link dev.graphmemory.internal.cypher.Nodes}) and the schema
 * ({@link dev.graphmemory.internal.cypher.Schema}). Statement texts are constants with {@code $parameters}; user input only
 * ever travels as parameters.
 *
 * <p>May use {@code work} only: a statement is a value, it never runs itself.
 */
package dev.graphmemory.internal.cypher;
