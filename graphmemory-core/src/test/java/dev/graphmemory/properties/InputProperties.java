package dev.graphmemory.properties;

import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.RelationshipType;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of hostile and ordinary input for the property tests. */
final class InputProperties {
    private InputProperties() {}

    /** Any text: empty, blank, Unicode of every plane, control characters, lone surrogates, up to 100,000 chars. */
    static Arbitrary<String> anyText() {
        Arbitrary<String> shortText = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> hugeText = Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(99_000)
                .ofMaxLength(100_000);
        Arbitrary<String> controls = Arbitraries.strings()
                .withCharRange('\u0000', '\u001F')
                .ofMinLength(1)
                .ofMaxLength(5)
                .map(control -> "name" + control + "tail");
        Arbitrary<String> surrogates = Arbitraries.of("\uD800", "a\uDC00b", "\uD83D\uDE00", "\uFEFF", "e\u0301", "ǅ");
        Arbitrary<String> cypher = Arbitraries.of(
                "x'}) DETACH DELETE n //", "`backtick`", "$namespace", "\\u0027; MATCH (n) DELETE n", "} RETURN 1 //");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, shortText),
                net.jqwik.api.Tuple.of(1, hugeText),
                net.jqwik.api.Tuple.of(2, controls),
                net.jqwik.api.Tuple.of(2, surrogates),
                net.jqwik.api.Tuple.of(2, cypher),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
    }

    /** Any integer, with the edges likely. */
    static Arbitrary<Integer> anyInt() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(-3, 300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 201, 6)));
    }

    /** Names of enum values as a model might send them, plus garbage. */
    static Arbitrary<String> enumText() {
        List<String> names =
                Arrays.stream(RelationshipType.values()).map(Enum::name).toList();
        return Arbitraries.oneOf(
                Arbitraries.of(names),
                Arbitraries.of(names).map(String::toLowerCase),
                Arbitraries.of("person", "PERSON", "Client", "best-effort", "atomic", "knows", "DROP", "", " "),
                anyText());
    }

    /** A valid entity. */
    static Arbitrary<NewEntity> entity() {
        return Combinators.combine(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.of(EntityType.known()))
                .as(NewEntity::of);
    }

    /** A batch mode. */
    static Arbitrary<BatchMode> mode() {
        return Arbitraries.of(BatchMode.values());
    }
}
