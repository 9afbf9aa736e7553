package dev.graphmemory.app;

import dev.graphmemory.MemoryConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the memory lives. Options win over the environment ({@code NEO4J_URI}, {@code NEO4J_USERNAME},
 * {@code NEO4J_PASSWORD}, {@code NEO4J_DATABASE}); with no URI at all, an embedded Neo4j runs on {@code --data-dir}.
 */
final class ConnectionOptions {
    static final Path DEFAULT_DATA_DIR = Path.of(System.getProperty("user.home"), ".graphmemory", "neo4j");

    @Option(names = "--uri", description = "Neo4j address, e.g. neo4j://host:7687 (default: $NEO4J_URI, else embedded)")
    URI uri;

    @Option(names = "--user", description = "Neo4j user (default: $NEO4J_USERNAME)")
    String user;

    @Option(
            names = "--password",
            description = "Neo4j password (default: $NEO4J_PASSWORD; prefer the variable, options show in ps)",
            arity = "0..1",
            interactive = true)
    char[] password;

    @Option(names = "--database", description = "Neo4j database (default: $NEO4J_DATABASE, else neo4j)")
    String database;

    @Option(
            names = "--namespace",
            description = "The tenant whose memory to use (default: ${DEFAULT-VALUE})",
            defaultValue = MemoryConfig.DEFAULT_NAMESPACE)
    String namespace;

    @Option(names = "--data-dir", description = "Data directory of the embedded Neo4j (default: ~/.graphmemory/neo4j)")
    Path dataDir;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log at debug level (to standard error)")
    boolean verbose;

    /** The settings: environment first, then options on top. */
    MemoryConfig config(Map<String, String> environment) {
        MemoryConfig.Builder builder = MemoryConfig.builder().applyEnv(environment);
        if (uri != null) {
            builder.uri(uri);
        }
        if (user != null || password != null) {
            String name = user != null ? user : environment.getOrDefault("NEO4J_USERNAME", "neo4j");
            String secret = password != null ? new String(password) : environment.getOrDefault("NEO4J_PASSWORD", "");
            builder.credentials(name, secret);
        }
        if (database != null) {
            builder.database(database);
        }
        builder.namespace(namespace);
        return builder.build();
    }

    Path dataDirectory() {
        return dataDir != null ? dataDir : DEFAULT_DATA_DIR;
    }
}
