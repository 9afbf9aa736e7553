package dev.graphmemory.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The code examples of README.md and docs/, compiled and run. {@link DocSnippetsTest} checks that the documents show
 * exactly the regions between {@code tag::} and {@code end::} markers here.
 */
@Neo4jTest
class DocExamplesIT {

    @Test
    void quickstart(SharedNeo4j neo4j, TestNamespace namespace) {
        URI boltUri = neo4j.server().boltUri();
        String tenant = namespace.value();
        // tag::quickstart[]
        MemoryConfig config = MemoryConfig.builder()
                .uri(boltUri) // e.g. URI.create("neo4j://localhost:7687"), or MemoryConfig.fromEnv()
                .namespace(tenant) // one namespace per user or assistant
                .build();
        try (GraphMemory memory = GraphMemory.connect(config)) {
            Entity acme = memory.createEntity(NewEntity.of("Acme Corp", EntityType.CLIENT));
            Commitment proposal = memory.createCommitment(NewCommitment.of("Send Acme the proposal")
                    .toWhom("Alice Chen")
                    .due(LocalDate.of(2026, 12, 4)));
            memory.linkNodes(NewLink.of(proposal.id(), RelationshipType.INVOLVES, acme.id()));

            EntityContext context = memory.getEntityContext("acme corp"); // names ignore case and spacing
            // end::quickstart[]
            assertThat(context.commitments()).containsExactly(proposal);
            // tag::quickstart[]
        }
        // end::quickstart[]
    }
}
