package dev.graphmemory.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.MemoryOperations;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Fact;
import dev.graphmemory.model.FactQuery;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewFact;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.TestNamespace;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neo4j.driver.Driver;

/** Facts and aliases together: a fact names its entity by any alias, and a merge carries the merged entity's facts. */
@Neo4jTest
class FactAliasIT extends ContractSupport {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldFindTheEntityOfAFactByAnyAliasAndReadItsFactsByAnyName(
            Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Robert Smith", EntityType.PERSON));
        memory.addEntityAliases("Robert Smith", List.of("Bob"));

        Fact fact = memory.recordFact(NewFact.of("Bob prefers morning meetings", "bob"));

        assertThat(fact.about()).containsExactly("Robert Smith");
        assertThat(memory.getFacts(FactQuery.about("BOB"))).extracting(Fact::id).containsExactly(fact.id());
        assertThat(memory.getFacts(FactQuery.about("Robert Smith")))
                .extracting(Fact::id)
                .containsExactly(fact.id());
        assertThat(memory.getEntityContext("bob").facts()).extracting(Fact::id).containsExactly(fact.id());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void shouldCarryTheFactsOfAMergedEntityOnce(Mode mode, Driver driver, TestNamespace namespace) {
        MemoryOperations memory = operations(mode, driver, namespace);
        memory.createEntity(NewEntity.of("Robert Smith", EntityType.PERSON));
        memory.createEntity(NewEntity.of("Bob", EntityType.PERSON));
        Fact both = memory.recordFact(NewFact.of("Bob and Robert are one person", "Bob", "Robert Smith"));
        Fact bobs = memory.recordFact(NewFact.of("Bob moved to Berlin", "Bob"));

        memory.mergeEntities("Bob", "Robert Smith");

        assertThat(memory.getFacts(FactQuery.about("Robert Smith")))
                .extracting(Fact::id)
                .containsExactlyInAnyOrder(both.id(), bobs.id());
        assertThat(memory.getFacts(FactQuery.about("bob")))
                .as("the merged name is an alias now")
                .extracting(Fact::id)
                .containsExactlyInAnyOrder(both.id(), bobs.id());
        assertThat(driver.executableQuery("""
                        MATCH (f:Fact {namespace: $namespace, id: $id})-[r:INVOLVES]->(:Entity)
                        RETURN count(r) AS links""")
                        .withParameters(java.util.Map.of("namespace", namespace.value(), "id", both.id()))
                        .execute()
                        .records()
                        .get(0)
                        .get("links")
                        .asInt())
                .as("a fact about both entities is about the survivor once")
                .isEqualTo(1);
    }
}
