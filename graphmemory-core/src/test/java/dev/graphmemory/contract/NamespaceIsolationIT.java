package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SimilarityQuery;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.model.Turn;
import dev.graphmemory.model.TurnQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/** A second namespace sees nothing of the first, through every operation and every mode. */
@Neo4jTest
class NamespaceIsolationIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldSeeAndTouchNothingOfAnotherNamespace(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations owner = operations(Mode.ALONE, driver, namespace);
        Entity acme = owner.createEntity(NewEntity.of("Acme", EntityType.CLIENT));
        Commitment commitment = owner.createCommitment(NewCommitment.of("Owner's promise"));
        Decision decision = owner.recordDecision(NewDecision.of("Owner's call", "Reasons"));
        Conversation talk = owner.startConversation(NewConversation.of("claude"));
        owner.recordPattern(PatternObservation.of("Owner's habit", PatternType.BEHAVIOR));
        owner.linkNodes(NewLink.of(commitment.id(), RelationshipType.INVOLVES, acme.id()));
        Turn said = owner.recordTurn(talk.id(), NewTurn.of("Acme", "Owner's words"));
        long nodes = MemoryFixture.nodes(driver, namespace);

        MemoryOperations other = operations(mode, driver, namespace.sibling("other"));

        assertThat(other.getCommitments(CommitmentQuery.all())).isEmpty();
        assertThat(other.getDecisions(DecisionQuery.all())).isEmpty();
        assertThat(other.getPatterns(PatternQuery.all())).isEmpty();
        assertThat(other.queryGraph(GraphQuery.of("MATCH (n:Memory) WHERE n.namespace = $namespace RETURN n"))
                        .rows())
                .isEmpty();
        assertThatThrownBy(() -> other.getEntityContext("Acme")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.findRelated(RelatedQuery.around(acme.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.completeCommitment(commitment.id(), "stolen"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.endConversation(new ConversationEnd(talk.id(), "stolen", null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.linkNodes(NewLink.of(decision.id(), RelationshipType.INVOLVES, acme.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.recordTurn(talk.id(), NewTurn.of("Acme", "Stolen words")))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.getTurns(TurnQuery.of(talk.id()))).isEmpty();
        assertThatThrownBy(() -> other.turnsAround(said.id(), 1, 1)).isInstanceOf(NotFoundException.class);
        assertThat(other.searchMemory(SearchQuery.of("owner's promise call habit acme words"))
                        .hits())
                .isEmpty();
        assertThat(other.timeline(TimelineQuery.lastDays(1)).events()).isEmpty();
        assertThatThrownBy(() -> other.forget(commitment.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.supersedeDecision(decision.id(), NewDecision.of("Theirs", "Taken")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.setEmbedding(commitment.id(), Vectors.near(3, 0f)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.similarMemories(SimilarityQuery.like(commitment.id())))
                .isInstanceOf(NotFoundException.class);
        Entity theirs = other.createEntity(NewEntity.of("ACME", EntityType.CLIENT));
        assertThat(theirs.id()).isNotEqualTo(acme.id());
        other.recordPattern(PatternObservation.of("owner's HABIT", PatternType.BEHAVIOR));

        assertThat(MemoryFixture.nodes(driver, namespace)).isEqualTo(nodes);
        assertThat(owner.getPatterns(PatternQuery.all()).get(0).observations()).isEqualTo(1);
        assertThat(owner.getCommitments(CommitmentQuery.all()).get(0).outcome()).isNull();
        assertThat(owner.getEntityContext("acme").entity().id()).isEqualTo(acme.id());
    }
}
