package dev.graphmemory.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.Coalescing;
import dev.graphmemory.Embeddings;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.MemorySession;
import dev.graphmemory.MemoryTransaction;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.BatchResult;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.Embedding;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Fact;
import dev.graphmemory.model.FactQuery;
import dev.graphmemory.model.FactReplacement;
import dev.graphmemory.model.Forgotten;
import dev.graphmemory.model.LikelyDuplicate;
import dev.graphmemory.model.Link;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewFact;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SearchResult;
import dev.graphmemory.model.SimilarityQuery;
import dev.graphmemory.model.StoredMemory;
import dev.graphmemory.model.Supersession;
import dev.graphmemory.model.Timeline;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.model.Turn;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The code examples of README.md and docs/, compiled and run. {@link DocSnippetsTest} checks that the documents show
 * exactly the regions between {@code tag::} and {@code end::} markers here.
 */
@Neo4jTest
class DocExamplesIT {

    @Test
    void modes(SharedNeo4j neo4j, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                .uri(neo4j.server().boltUri())
                .namespace(namespace.value())
                .build())) {
            // tag::alone[]
            Commitment call =
                    memory.createCommitment(NewCommitment.of("Call Bob back").toWhom("Bob"));
            memory.completeCommitment(call.id(), "Called; he accepted");
            // end::alone[]

            // tag::session[]
            try (MemorySession session = memory.openSession()) {
                Entity bob = session.createEntity(NewEntity.of("Bob", EntityType.PERSON));
                session.linkNodes(NewLink.of(call.id(), RelationshipType.INVOLVES, bob.id()));
                EntityContext context = session.getEntityContext("bob"); // sees the link just made
            }
            // end::session[]

            // tag::transaction[]
            String offerId = memory.inTransaction(tx -> {
                Decision hire = tx.recordDecision(NewDecision.of("Hire Carol", "Best interview of the round"));
                Commitment offer = tx.createCommitment(
                        NewCommitment.of("Send Carol the offer").priority(1));
                tx.linkNodes(NewLink.of(hire.id(), RelationshipType.LEADS_TO, offer.id()));
                return offer.id();
            });
            // end::transaction[]

            // tag::explicit[]
            try (MemoryTransaction tx = memory.beginTransaction()) {
                Decision pause = tx.recordDecision(NewDecision.of("Pause hiring", "Budget review"));
                if (pause.confidence() >= 0.5) {
                    tx.commit();
                }
            } // closed without commit: rolled back
            // end::explicit[]

            // tag::async[]
            CompletionStage<Entity> dana = memory.async().createEntity(NewEntity.of("Dana", EntityType.PERSON));
            CompletionStage<List<Commitment>> open =
                    memory.async().getCommitments(CommitmentQuery.all().status(CommitmentStatus.PENDING));
            dana.thenCombine(open, (person, commitments) -> person.name() + " and " + commitments.size() + " open")
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            // end::async[]

            // tag::batch[]
            List<NewEntity> team = List.of(
                    NewEntity.of("Erin", EntityType.PERSON),
                    NewEntity.of("Frank", EntityType.PERSON),
                    NewEntity.of("Grace", EntityType.PERSON));
            BatchResult<Entity> result = memory.createEntities(team, BatchMode.ATOMIC); // one statement
            long created = result.count(BatchResult.Status.CREATED);

            BatchResult<Link> links = memory.linkNodes(
                    result.values().stream()
                            .map(person -> NewLink.of(offerId, RelationshipType.INVOLVES, person.id()))
                            .toList(),
                    BatchMode.BEST_EFFORT); // a transaction per chunk; failures reported per item
            links.failures().forEach(item -> System.err.println(item.index() + ": " + item.failure()));
            // end::batch[]
            assertThat(created).isEqualTo(3);
            assertThat(links.allStored()).isTrue();

            // tag::store-memory[]
            StoredMemory stored = memory.storeMemory(NewMemory.builder()
                    .decision("pilot", NewDecision.of("Pilot the launch with Acme", "Lower risk"))
                    .commitment(
                            "proposal",
                            NewCommitment.of("Send Alice the pilot proposal").toWhom("Alice Chen"))
                    .entity("alice", NewEntity.of("Alice Chen", EntityType.PERSON))
                    .entity("acme", NewEntity.of("Acme Corp", EntityType.CLIENT))
                    .link("pilot", RelationshipType.LEADS_TO, "proposal")
                    .link("proposal", RelationshipType.INVOLVES, "alice")
                    .link("pilot", RelationshipType.INVOLVES, "acme")
                    .link("pilot", RelationshipType.LEADS_TO, offerId) // a memory stored before, by id
                    .build());
            String proposalId = stored.id("proposal").orElseThrow();
            // end::store-memory[]
            assertThat(memory.findRelated(RelatedQuery.around(proposalId))).isNotEmpty();
        }
    }

    @Test
    void recall(SharedNeo4j neo4j, TestNamespace namespace) {
        try (GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                .uri(neo4j.server().boltUri())
                .namespace(namespace.value())
                .build())) {
            Decision pilot = memory.recordDecision(NewDecision.of("Pilot the launch with Acme", "Lower risk"));
            memory.createCommitment(NewCommitment.of("Send Acme the pilot plan").due(LocalDate.now()));
            // tag::recall[]
            SearchResult found = memory.searchMemory(SearchQuery.of("acme pilot")
                    .kinds(MemoryKind.DECISION, MemoryKind.COMMITMENT)
                    .limit(5)
                    .maxChars(2_000)); // longer texts are shortened, and found.truncated() says so

            List<Commitment> urgent =
                    memory.getCommitments(CommitmentQuery.all().overdue(true).dueWithinDays(3)); // soonest due first

            Supersession change = memory.supersedeDecision(
                    pilot.id(), NewDecision.of("Launch with Acme in March", "The pilot went well"));
            List<Decision> current = memory.getDecisions(DecisionQuery.all()); // the new one, not the pilot

            Timeline week = memory.timeline(TimelineQuery.lastDays(7)); // newest first, every kind

            memory.setEmbedding(change.current().id(), Embedding.of(embed("Launch with Acme in March")));
            SearchResult alike = memory.similarMemories(SimilarityQuery.to(Embedding.of(embed("When do we launch?")))
                    .limit(3));

            Forgotten gone = memory.forget(pilot.id()); // with its relationships; an audit record stays
            // end::recall[]
            assertThat(found.hits()).hasSize(2);
            assertThat(urgent).hasSize(1);
            assertThat(current).containsExactly(change.current());
            assertThat(week.events()).isNotEmpty();
            assertThat(alike.hits())
                    .extracting(hit -> hit.memory().id())
                    .containsExactly(change.current().id());
            assertThat(gone.total()).isEqualTo(1);
        }
    }

    @Test
    void facts(SharedNeo4j neo4j, TestNamespace namespace) {
        try (GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                .uri(neo4j.server().boltUri())
                .namespace(namespace.value())
                .build())) {
            memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
            // tag::facts[]
            Fact paris = memory.recordFact(
                    NewFact.of("Bob lives in Paris", "Bob").from(Instant.parse("2024-01-01T00:00:00Z")));
            FactReplacement moved = memory.replaceFact(
                    paris.id(), NewFact.of("Bob lives in Berlin").from(Instant.parse("2025-06-01T00:00:00Z")));

            List<Fact> now = memory.getFacts(FactQuery.about("Bob")); // Berlin
            List<Fact> then =
                    memory.getFacts(FactQuery.about("Bob").asOf(Instant.parse("2025-01-01T00:00:00Z"))); // Paris
            List<Fact> all = memory.getFacts(FactQuery.about("Bob").withHistory(true)); // both, Paris ended in June
            // end::facts[]
            assertThat(now).containsExactly(moved.current());
            assertThat(then).extracting(Fact::statement).containsExactly("Bob lives in Paris");
            assertThat(all).hasSize(2);
            assertThat(moved.replaced().validUntil()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        }
    }

    @Test
    void aliases(SharedNeo4j neo4j, TestNamespace namespace) {
        try (GraphMemory memory = GraphMemory.connect(MemoryConfig.builder()
                .uri(neo4j.server().boltUri())
                .namespace(namespace.value())
                .build())) {
            memory.createEntity(NewEntity.of("Robert Smith", EntityType.PERSON));
            memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
            // tag::aliases[]
            memory.addEntityAliases("Robert Smith", List.of("Rob", "Bobby"));
            EntityContext rob = memory.getEntityContext("rob"); // Robert Smith's: any name or alias finds him

            List<LikelyDuplicate> maybe = memory.findLikelyDuplicates(20); // Bob / Robert Smith: a nickname; ask first
            Entity robert = memory.mergeEntities("Bob", "Robert Smith"); // Bob's links move over, "Bob" is an alias
            // end::aliases[]
            assertThat(rob.entity().name()).isEqualTo("Robert Smith");
            assertThat(maybe).isNotEmpty();
            assertThat(robert.aliases()).containsExactly("Bob", "Bobby", "Rob");
        }
    }

    @Test
    void meaning(SharedNeo4j neo4j, TestNamespace namespace) {
        URI boltUri = neo4j.server().boltUri();
        String tenant = namespace.value();
        // tag::meaning[]
        MemoryConfig config = MemoryConfig.builder()
                .uri(boltUri)
                .namespace(tenant)
                .embeddings(Embeddings.defaults().withThreads(1)) // the default: on, the built-in model if present
                .build();
        try (GraphMemory memory = GraphMemory.connect(config)) {
            memory.createEntity(NewEntity.of("Caroline", EntityType.PERSON));
            Conversation talk = memory.startConversation(NewConversation.of("claude"));
            List<Turn> said = memory.recordTurns(
                    talk.id(),
                    List.of( // a whole exchange, or a whole session, in one call
                            NewTurn.of("Caroline", "The adoption agency called me back yesterday"),
                            NewTurn.of("assistant", "That's great news! What did they say?")));

            SearchResult found = memory.searchMemory(SearchQuery.of("What did Caroline hear about adopting?"));
            for (SearchHit hit : found.hits()) {
                System.out.println(hit.memory().title() + " " + hit.why()); // words, meaning, entity, context
            }
            List<Turn> around = memory.turnsAround(said.get(0).id(), 3, 3); // what was said around a hit
        }
        // end::meaning[]
    }

    /** Stands in for an embedding model in the examples: 384 numbers from the letters of the text. */
    private static float[] embed(String text) {
        float[] vector = new float[MemoryConfig.DEFAULT_EMBEDDING_DIMENSIONS];
        vector[0] = 1f;
        for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            vector[1 + c % (vector.length - 1)] += 0.1f;
        }
        return vector;
    }

    @Test
    void coalescing(SharedNeo4j neo4j, TestNamespace namespace) throws Exception {
        URI boltUri = neo4j.server().boltUri();
        String tenant = namespace.value();
        ExecutorService requests = Executors.newFixedThreadPool(16); // e.g. a server's request threads
        try {
            // tag::coalescing[]
            MemoryConfig config = MemoryConfig.builder()
                    .uri(boltUri)
                    .namespace(tenant)
                    .coalescing(Coalescing.defaults()) // a 1 ms window, at most 1,000 writes per transaction
                    .build();
            try (GraphMemory memory = GraphMemory.connect(config)) {
                List<Future<Entity>> customers = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    NewEntity customer = NewEntity.of("Customer " + i, EntityType.CLIENT);
                    customers.add(requests.submit(() -> memory.createEntity(customer))); // concurrent single writes
                }
                for (Future<Entity> customer : customers) {
                    customer.get(); // each caller gets its own entity, or its own failure
                }
            } // closing runs the writes still waiting
            // end::coalescing[]
            assertThat(customers(neo4j, tenant)).isEqualTo(100);
        } finally {
            requests.shutdownNow();
        }
    }

    private static long customers(SharedNeo4j neo4j, String tenant) {
        return neo4j.driver()
                .executableQuery("MATCH (e:Entity {namespace: $ns, type: 'client'}) RETURN count(e)")
                .withParameters(java.util.Map.of("ns", tenant))
                .execute()
                .records()
                .get(0)
                .get(0)
                .asLong();
    }

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
