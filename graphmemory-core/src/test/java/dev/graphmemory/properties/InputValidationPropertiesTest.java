package dev.graphmemory.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.internal.run.OperationTableProbe;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.Deadline;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever an assistant sends, input is either accepted or refused with an {@link InvalidInputException}: never
 * another exception, never a change to the Cypher text. The statement texts are a fixed set; input only ever travels
 * as parameters, so no identifier outside the whitelist can reach a statement.
 */
class InputValidationPropertiesTest {

    @Provide
    Arbitrary<String> text() {
        return InputProperties.anyText();
    }

    @Provide
    Arbitrary<Integer> number() {
        return InputProperties.anyInt();
    }

    @Provide
    Arbitrary<String> enumText() {
        return InputProperties.enumText();
    }

    @Property(tries = 300)
    void textFieldsAreAcceptedOrRefusedWithATypedError(@ForAll("text") String text, @ForAll("number") int number) {
        onlyTypedErrors(() -> NewCommitment.of(text));
        onlyTypedErrors(() -> NewCommitment.of("ok").toWhom(text).inDomain(text).priority(number));
        onlyTypedErrors(
                () -> NewDecision.of(text, text).alternatives(List.of(text)).confidence(number / 100.0));
        onlyTypedErrors(() -> PatternObservation.of(text, PatternType.BEHAVIOR).inDomain(text));
        onlyTypedErrors(() -> new NewConversation(text, text));
        onlyTypedErrors(() -> new ConversationEnd(text, text, (long) number));
        onlyTypedErrors(() -> new NewEntity(text, EntityType.PERSON, text, text));
        onlyTypedErrors(() ->
                new NewLink(text, RelationshipType.INVOLVES, text, java.util.Collections.singletonMap("k", text)));
        onlyTypedErrors(() -> new RelatedQuery(text, null, number, number));
        onlyTypedErrors(() -> new CommitmentQuery(null, text, text, null, number));
        onlyTypedErrors(() -> GraphQuery.of(text, java.util.Collections.singletonMap("p", text)));
        onlyTypedErrors(() -> Deadline.parse(text));
    }

    @Property(tries = 300)
    void enumValuesAreParsedOrRefusedWithATypedError(@ForAll("enumText") String text) {
        onlyTypedErrors(() -> RelationshipType.parse("relationship", text));
        onlyTypedErrors(() -> EntityType.parse("type", text));
        onlyTypedErrors(() -> PatternType.parse("type", text));
        onlyTypedErrors(() -> EnergyLevel.parse("level", text));
        onlyTypedErrors(() -> MemoryKind.parse("kind", text));
    }

    @Property(tries = 300)
    void inputNeverChangesTheCypherText(@ForAll("text") String text, @ForAll("number") int number) {
        Set<String> known = OperationTableProbe.allStatementTexts();
        for (String statement : OperationTableProbe.statementTextsFor(text, number)) {
            assertThat(known).as("a statement text made from input").contains(statement);
        }
    }

    private static void onlyTypedErrors(Runnable input) {
        try {
            input.run();
        } catch (InvalidInputException expected) {
            assertThat(expected.field()).isNotBlank();
            assertThat(expected.getMessage()).startsWith(expected.field());
        }
    }
}
