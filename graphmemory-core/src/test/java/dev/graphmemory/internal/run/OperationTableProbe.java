package dev.graphmemory.internal.run;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.internal.cypher.SearchStatements;
import dev.graphmemory.internal.search.HybridSearch;
import dev.graphmemory.internal.work.Ids;
import dev.graphmemory.internal.work.Work;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.DecisionQuery;
import dev.graphmemory.model.Embedding;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Limits;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternQuery;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.model.SimilarityQuery;
import dev.graphmemory.model.TimelineQuery;
import dev.graphmemory.model.TurnQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Lets property tests see the statement texts the operations make, without a database. */
public final class OperationTableProbe {
    private static final OperationTable OPERATIONS =
            new OperationTable("probe", Ids.fresh(), 10, Duration.ofSeconds(1), 100, 3, HybridSearch.wordsOnly());
    private static Set<String> known;

    private OperationTableProbe() {}

    /** Every statement text the library can send, made from fixed inputs over every enum value and depth. */
    public static synchronized Set<String> allStatementTexts() {
        if (known == null) {
            Set<String> texts = new LinkedHashSet<>(statementTextsFor("fixed", 3));
            for (RelationshipType type : RelationshipType.values()) {
                for (int depth = 1; depth <= Limits.MAX_DEPTH; depth++) {
                    int hops = depth;
                    texts.addAll(texts(() -> OPERATIONS.findRelated(new RelatedQuery("id", type, hops, 5))));
                }
                texts.addAll(texts(() -> OPERATIONS.linkNodes(NewLink.of("a", type, "b"))));
            }
            for (int depth = 1; depth <= Limits.MAX_DEPTH; depth++) {
                int hops = depth;
                texts.addAll(texts(() -> OPERATIONS.findRelated(new RelatedQuery("id", null, hops, 5))));
            }
            known = texts;
        }
        return known;
    }

    /** The statement texts of every operation made from this input, where the input is valid. */
    public static List<String> statementTextsFor(String text, int number) {
        List<String> texts = new ArrayList<>();
        List<Supplier<Work<?>>> works = List.of(
                () -> OPERATIONS.createCommitment(NewCommitment.of(text).toWhom(text)),
                () -> OPERATIONS.completeCommitment(text, text),
                () -> OPERATIONS.getCommitments(new CommitmentQuery(null, text, text, null, number)),
                () -> OPERATIONS.recordDecision(NewDecision.of(text, text)),
                () -> OPERATIONS.getDecisions(new DecisionQuery(text, number, number)),
                () -> OPERATIONS.recordPattern(PatternObservation.of(text, PatternType.TRIGGER)),
                () -> OPERATIONS.getPatterns(new PatternQuery(null, text, null, number)),
                () -> OPERATIONS.startConversation(new NewConversation(text, text)),
                () -> OPERATIONS.endConversation(new ConversationEnd(text, text, null)),
                () -> OPERATIONS.recordEnergy(new EnergyReading(EnergyLevel.LOW, text, null, null)),
                () -> OPERATIONS.recordTurns(text, List.of(NewTurn.of(text, text))),
                () -> OPERATIONS.getTurns(new TurnQuery(text, (long) number, number)),
                () -> OPERATIONS.turnsAround(text, number, number),
                () -> OPERATIONS.createEntity(NewEntity.of(text, EntityType.PROJECT)),
                () -> OPERATIONS.linkNodes(NewLink.of(text, RelationshipType.DURING, text)),
                () -> OPERATIONS.findRelated(new RelatedQuery(text, null, number, number)),
                () -> OPERATIONS.getEntityContext(text, number),
                () -> SearchStatements.words("probe", SearchQuery.of(text).about(text), number),
                () -> SearchStatements.context("probe", SearchQuery.of(text), List.of(text), number, text, true),
                () -> OPERATIONS.setEmbedding(text, Embedding.of(1f, 0f, 0f)),
                () -> OPERATIONS.similarMemories(SimilarityQuery.like(text)),
                () -> OPERATIONS.similarMemories(SimilarityQuery.to(Embedding.of(1f, 0f, 0f))),
                () -> OPERATIONS.timeline(TimelineQuery.lastDays(number)),
                () -> OPERATIONS.supersedeDecision(text, NewDecision.of(text, text)),
                () -> OPERATIONS.forget(text),
                () -> OPERATIONS.forgetNamespaceBatch(text),
                () -> OPERATIONS.forgetNamespaceDone(text),
                () -> OPERATIONS.storeMemory(NewMemory.builder()
                        .commitment("c", NewCommitment.of(text))
                        .link("c", RelationshipType.INVOLVES, text)
                        .build()));
        for (Supplier<Work<?>> work : works) {
            texts.addAll(texts(work));
        }
        try {
            OPERATIONS
                    .createEntities(List.of(NewEntity.of(text, EntityType.PERSON)), BatchMode.BEST_EFFORT)
                    .chunks()
                    .forEach(chunk -> texts.add(chunk.statement().text()));
        } catch (InvalidInputException refused) {
            // invalid input makes no statement
        }
        return texts;
    }

    private static List<String> texts(Supplier<Work<?>> make) {
        try {
            return List.of(StatementCatalogue.first(make.get()).text());
        } catch (InvalidInputException refused) {
            return List.of();
        }
    }
}
