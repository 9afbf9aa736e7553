package dev.graphmemory.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.MemoryOperations;
import dev.graphmemory.MemoryTransaction;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.GraphQuery;
import dev.graphmemory.model.MemoryKind;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SnapshotNode;
import dev.graphmemory.testing.Neo4jExtension;
import dev.graphmemory.testing.TestNamespace;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Property tests against the real graph. Random sequences of operations, batches and scopes (some of which fail on
 * purpose and must leave nothing) run against the database and against an in-memory model of what it should hold;
 * after every sequence the graph equals the model. And arbitrary input, sent to the real database, comes back as a
 * result or a typed error, never as a driver error.
 */
class GraphModelPropertiesIT {
    private static final List<String> NAMES = List.of("Alice Chen", "Bob", "Acme Corp", "Q4 Launch", "Dana Lee");
    private static final List<String> HABITS = List.of("Works late", "Skips lunch", "Plans on Mondays");
    private static final GraphMemory MEMORY = GraphMemory.open(
            Neo4jExtension.shared().driver(),
            MemoryConfig.builder().batchChunkSize(3).build());

    @AfterContainer
    static void close() {
        MEMORY.close();
    }

    /** One step of a sequence: applied to the graph and, if it succeeds there, to the model. */
    sealed interface Action permits Entity, Commitment, Complete, Habit, Link, Entities, Store, Scope {}

    record Entity(int name, int spelling) implements Action {}

    record Commitment(int content) implements Action {}

    record Complete(int which) implements Action {}

    record Habit(int habit, boolean trigger) implements Action {}

    record Link(int from, int to, RelationshipType type) implements Action {}

    record Entities(List<Integer> names, BatchMode mode) implements Action {}

    record Store(int content, int name) implements Action {}

    record Scope(List<Action> inner, boolean fails, boolean explicit) implements Action {}

    @Provide
    Arbitrary<List<Action>> sequences() {
        Arbitrary<Action> simple = Arbitraries.oneOf(
                Arbitraries.integers()
                        .between(0, 4)
                        .flatMap(n -> Arbitraries.integers().between(0, 3).map(s -> new Entity(n, s))),
                Arbitraries.integers().between(0, 1000).map(Commitment::new),
                Arbitraries.integers().between(-1, 8).map(Complete::new),
                Arbitraries.integers()
                        .between(0, 2)
                        .flatMap(h -> Arbitraries.of(true, false).map(t -> new Habit(h, t))),
                Arbitraries.integers()
                        .between(-1, 8)
                        .flatMap(f -> Arbitraries.integers()
                                .between(-1, 8)
                                .flatMap(t -> Arbitraries.of(RelationshipType.values())
                                        .map(type -> new Link(f, t, type)))),
                Arbitraries.integers()
                        .between(0, 4)
                        .list()
                        .ofMaxSize(5)
                        .flatMap(names -> InputProperties.mode().map(mode -> new Entities(names, mode))),
                Arbitraries.integers()
                        .between(0, 1000)
                        .flatMap(c -> Arbitraries.integers().between(0, 4).map(n -> new Store(c, n))));
        Arbitrary<Action> scope = simple.list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .flatMap(inner -> Arbitraries.of(true, false)
                        .flatMap(fails ->
                                Arbitraries.of(true, false).map(explicit -> new Scope(inner, fails, explicit))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, simple), net.jqwik.api.Tuple.of(1, scope))
                .list()
                .ofMinSize(1)
                .ofMaxSize(15);
    }

    @Property(tries = 25)
    void theGraphEqualsTheModelAfterEverySequence(@ForAll("sequences") List<Action> actions) {
        GraphMemory memory = MEMORY.withNamespace(TestNamespace.next().value());
        Model model = new Model();
        for (Action action : actions) {
            apply(action, memory, model);
        }
        assertThat(Model.of(memory)).isEqualTo(model);
    }

    @Provide
    Arbitrary<String> text() {
        return InputProperties.anyText();
    }

    @Provide
    Arbitrary<Integer> number() {
        return InputProperties.anyInt();
    }

    @Property(tries = 60)
    void arbitraryInputGivesAResultOrATypedErrorNeverADriverError(
            @ForAll("text") String text, @ForAll("number") int number) {
        GraphMemory memory = MEMORY.withNamespace(TestNamespace.next().value());
        List<Runnable> calls = List.of(
                () -> memory.createEntity(new NewEntity(text, EntityType.PERSON, text, text)),
                () -> memory.createCommitment(NewCommitment.of(text).toWhom(text)),
                () -> memory.recordPattern(PatternObservation.of(text, PatternType.FAILURE)),
                () -> memory.getEntityContext(text, Math.max(1, Math.min(number, 200))),
                () -> memory.findRelated(new RelatedQuery(text, null, number, number)),
                () -> memory.linkNodes(new NewLink(text, RelationshipType.INVOLVES, text, null)),
                () -> memory.completeCommitment(text, text),
                () -> memory.queryGraph(GraphQuery.of(text)));
        for (Runnable call : calls) {
            try {
                call.run();
            } catch (InvalidInputException | NotFoundException expected) {
                // a typed refusal, as it should be
            }
        }
    }

    private static void apply(Action action, MemoryOperations memory, Model model) {
        if (action instanceof Entity e) {
            model.entity(
                    memory.createEntity(NewEntity.of(spell(NAMES.get(e.name()), e.spelling()), EntityType.PERSON)));
        } else if (action instanceof Commitment c) {
            model.commitment(
                    memory.createCommitment(NewCommitment.of("c" + c.content())).id());
        } else if (action instanceof Complete c) {
            String id = model.pick(c.which(), MemoryKind.COMMITMENT);
            try {
                memory.completeCommitment(id, null);
                model.commitments.put(id, "completed");
            } catch (NotFoundException e) {
                assertThat(model.commitments).doesNotContainKey(id);
            }
        } else if (action instanceof Habit h) {
            var pattern = memory.recordPattern(PatternObservation.of(
                    HABITS.get(h.habit()), h.trigger() ? PatternType.TRIGGER : PatternType.BEHAVIOR));
            model.patterns.merge(pattern.id(), 1L, Long::sum);
            model.remember(pattern.id(), MemoryKind.PATTERN);
        } else if (action instanceof Link l) {
            link(l, memory, model);
        } else if (action instanceof Entities e) {
            memory.createEntities(
                            e.names().stream()
                                    .map(n -> NewEntity.of(NAMES.get(n), EntityType.CLIENT))
                                    .toList(),
                            e.mode())
                    .values()
                    .forEach(model::entity);
        } else if (action instanceof Store s) {
            var stored = memory.storeMemory(NewMemory.builder()
                    .commitment("c", NewCommitment.of("stored " + s.content()))
                    .entity("e", NewEntity.of(NAMES.get(s.name()), EntityType.PROJECT))
                    .link("c", RelationshipType.INVOLVES, "e")
                    .build());
            String commitment = stored.id("c").orElseThrow();
            model.commitment(commitment);
            model.entity(stored.entities().get("e"));
            model.links.add(commitment + " INVOLVES " + stored.id("e").orElseThrow());
        } else {
            scope((Scope) action, memory, model);
        }
    }

    private static void link(Link link, MemoryOperations memory, Model model) {
        String from = model.pick(link.from(), null);
        String to = model.pick(link.to(), null);
        boolean known = model.kinds.containsKey(from) && model.kinds.containsKey(to);
        boolean forward = known && link.type().allows(model.kinds.get(from), model.kinds.get(to));
        // ends given the other way round are stored in the documented direction
        boolean backward = known && link.type().allows(model.kinds.get(to), model.kinds.get(from));
        boolean allowed = forward || backward;
        try {
            memory.linkNodes(NewLink.of(from, link.type(), to));
            assertThat(allowed).as("link %s accepted", link).isTrue();
            model.links.add(forward ? from + " " + link.type() + " " + to : to + " " + link.type() + " " + from);
        } catch (InvalidInputException | NotFoundException refused) {
            assertThat(allowed)
                    .as("link %s refused: %s", link, refused.getMessage())
                    .isFalse();
        }
    }

    /** A scope applies its actions to a copy of the model, kept only when the scope commits. */
    private static void scope(Scope scope, MemoryOperations memory, Model model) {
        Model copy = model.copy();
        GraphMemory graph = (GraphMemory) memory;
        try {
            if (scope.explicit()) {
                try (MemoryTransaction tx = graph.beginTransaction()) {
                    scope.inner().forEach(inner -> apply(inner, tx, copy));
                    if (!scope.fails()) {
                        tx.commit();
                    }
                }
            } else {
                graph.inTransaction(tx -> {
                    Model attempt = model.copy();
                    scope.inner().forEach(inner -> apply(inner, tx, attempt));
                    if (scope.fails()) {
                        throw new IllegalStateException("the scope fails on purpose");
                    }
                    copy.replaceWith(attempt);
                    return null;
                });
            }
            if (!scope.fails()) {
                model.replaceWith(copy);
            }
        } catch (IllegalStateException expected) {
            assertThat(scope.fails()).isTrue();
        } catch (MemoryException unexpected) {
            throw new AssertionError("scope failed: " + unexpected, unexpected);
        }
    }

    private static String spell(String name, int spelling) {
        return switch (spelling) {
            case 0 -> name;
            case 1 -> name.toLowerCase(Locale.ROOT);
            case 2 -> "  " + name.toUpperCase(Locale.ROOT).replace(" ", "   ") + " ";
            default -> name.replace(" ", "\u00A0");
        };
    }

    /** What the graph should hold: entities by name, commitments and their status, pattern counts, links. */
    static final class Model {
        final Map<String, String> entities = new TreeMap<>();
        final Map<String, String> commitments = new TreeMap<>();
        final Map<String, Long> patterns = new TreeMap<>();
        final Set<String> links = new HashSet<>();
        final transient Map<String, MemoryKind> kinds = new HashMap<>();
        final transient List<String> ids = new ArrayList<>();

        void entity(dev.graphmemory.model.Entity entity) {
            String key = Normalizer.normalize(entity.name(), Normalizer.Form.NFKC)
                    .strip()
                    .replaceAll("\\s+", " ")
                    .toLowerCase(Locale.ROOT);
            String known = entities.putIfAbsent(key, entity.id());
            assertThat(known == null ? entity.id() : known)
                    .as("one entity per name")
                    .isEqualTo(entity.id());
            remember(entity.id(), MemoryKind.ENTITY);
        }

        /** An id the sequence has seen, or one that never existed for negative or too large indexes. */
        String pick(int index, MemoryKind kind) {
            List<String> candidates = ids.stream()
                    .filter(id -> kind == null || kinds.get(id) == kind)
                    .toList();
            return index >= 0 && index < candidates.size() ? candidates.get(index) : "missing-" + index;
        }

        void commitment(String id) {
            commitments.put(id, "pending");
            remember(id, MemoryKind.COMMITMENT);
        }

        void remember(String id, MemoryKind kind) {
            if (kinds.putIfAbsent(id, kind) == null) {
                ids.add(id);
            }
        }

        Model copy() {
            Model copy = new Model();
            copy.replaceWith(this);
            return copy;
        }

        void replaceWith(Model other) {
            entities.clear();
            entities.putAll(other.entities);
            commitments.clear();
            commitments.putAll(other.commitments);
            patterns.clear();
            patterns.putAll(other.patterns);
            links.clear();
            links.addAll(other.links);
            kinds.clear();
            kinds.putAll(other.kinds);
            ids.clear();
            ids.addAll(other.ids);
        }

        /** The model of what a namespace holds, read from the graph. */
        static Model of(GraphMemory memory) {
            Model model = new Model();
            for (SnapshotNode node : memory.snapshots().nodes().toList()) {
                switch (node.kind()) {
                    case ENTITY -> model.entities.put((String) node.properties().get("nameKey"), node.id());
                    case COMMITMENT ->
                        model.commitments.put(
                                node.id(), (String) node.properties().get("status"));
                    case PATTERN ->
                        model.patterns.put(node.id(), (Long) node.properties().get("observations"));
                    default -> throw new AssertionError("unexpected " + node);
                }
            }
            memory.snapshots()
                    .relationships()
                    .forEach(link -> model.links.add(link.fromId() + " " + link.type() + " " + link.toId()));
            return model;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Model model
                    && entities.equals(model.entities)
                    && commitments.equals(model.commitments)
                    && patterns.equals(model.patterns)
                    && links.equals(model.links);
        }

        @Override
        public int hashCode() {
            return entities.hashCode();
        }

        @Override
        public String toString() {
            return "entities=" + entities + ", commitments=" + commitments + ", patterns=" + patterns + ", links="
                    + links;
        }
    }
}
