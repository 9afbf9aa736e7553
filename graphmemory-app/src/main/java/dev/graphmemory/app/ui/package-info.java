/**
 * The web inspector: read-only pages over one namespace's memory (search, timeline, an entity with its neighbourhood
 * drawn as a graph, open commitments, patterns, one memory with its links) and one write, forgetting a memory after a
 * confirmation. {@link Inspector} is the servlet; {@link InspectorServer} serves it alone on loopback for
 * {@code graphmemory ui}, and {@code graphmemory serve --http} mounts it at {@code /} beside {@code /mcp}.
 *
 * <p>Pages are rendered on the server ({@link Page}: every value escaped, memories are untrusted text); the reads the
 * library has no typed operation for (a memory by id, its links, paged lists) are bounded read-only queries
 * ({@code Reads}). Who may see the pages and how the one write is protected is {@code BrowserAccess}; the scripts are
 * this package's own and Cytoscape.js from its WebJar, both from the class path ({@code Assets}): nothing is loaded from
 * the internet.
 */
package dev.graphmemory.app.ui;
