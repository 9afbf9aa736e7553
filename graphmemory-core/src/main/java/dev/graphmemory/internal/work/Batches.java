package dev.graphmemory.internal.work;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.model.BatchMode;
import dev.graphmemory.model.BatchResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * Set-based batches: the rows of a batch are sorted by the key the statement locks on, so that concurrent batches
 * take their locks in one order and cannot deadlock each other, then cut into chunks of the configured size; each chunk
 * is one UNWIND statement. The chunks of a batch in one transaction are pipelined: sent together, one round trip.
 *
 * @param name the operation
 * @param field the input list, named in errors (e.g. {@code links})
 * @param mode atomic or best effort
 * @param size the number of input items
 * @param chunks the statements, in lock order
 * @param check a statement that finds the items an atomic batch would refuse, without writing, or {@code null} when
 *     no item can be refused
 * @param <T> what a stored item is
 */
public record Batches<T>(
        String name, String field, BatchMode mode, int size, List<Chunk<T>> chunks, Statement<List<Outcome<T>>> check) {

    /**
     * One statement of a batch and the input positions of its items.
     *
     * @param statement the UNWIND statement
     * @param indexes the positions of its items in the input
     */
    public record Chunk<T>(Statement<List<Outcome<T>>> statement, List<Integer> indexes) {}

    /**
     * Plans a batch.
     *
     * @param rows one row per item (or per group of items, with an {@code indexes} list), each with its {@code index}
     * @param lockKey the row value the statement locks on
     */
    public static <T> Batches<T> plan(
            String name,
            String field,
            BatchMode mode,
            int size,
            List<Map<String, Object>> rows,
            String lockKey,
            int chunkSize,
            Function<List<Map<String, Object>>, Statement<List<Outcome<T>>>> statement) {
        List<Chunk<T>> chunks = new ArrayList<>();
        addChunks(chunks, rows, lockKey, chunkSize, statement);
        return new Batches<>(name, field, mode, size, List.copyOf(chunks), null);
    }

    /**
     * Plans a batch whose rows need different statements: the chunks of each group (in the map's order) are made by
     * the statement of that group, e.g. one statement per relationship type.
     */
    public static <K, T> Batches<T> plan(
            String name,
            String field,
            BatchMode mode,
            int size,
            Map<K, List<Map<String, Object>>> groups,
            String lockKey,
            int chunkSize,
            BiFunction<K, List<Map<String, Object>>, Statement<List<Outcome<T>>>> statement) {
        List<Chunk<T>> chunks = new ArrayList<>();
        groups.forEach(
                (group, rows) -> addChunks(chunks, rows, lockKey, chunkSize, chunk -> statement.apply(group, chunk)));
        return new Batches<>(name, field, mode, size, List.copyOf(chunks), null);
    }

    private static <T> void addChunks(
            List<Chunk<T>> chunks,
            List<Map<String, Object>> rows,
            String lockKey,
            int chunkSize,
            Function<List<Map<String, Object>>, Statement<List<Outcome<T>>>> statement) {
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(row -> String.valueOf(row.get(lockKey))));
        for (int start = 0; start < sorted.size(); start += chunkSize) {
            List<Map<String, Object>> part = sorted.subList(start, Math.min(sorted.size(), start + chunkSize));
            chunks.add(new Chunk<>(statement.apply(List.copyOf(part)), indexes(part)));
        }
    }

    /**
     * The same batch, checked first by {@code statement} when it runs in a transaction it does not own (see
     * {@link #inScope}); the statement returns the refused items' outcomes, or none when every item may be written.
     */
    public Batches<T> checkedBy(Statement<List<Outcome<T>>> statement) {
        return new Batches<>(name, field, mode, size, chunks, statement);
    }

    /**
     * The whole batch in a transaction of its own: every chunk, then the result. An atomic batch throws its first
     * failure, which rolls back what the other chunks wrote.
     */
    public Work<BatchResult<T>> inOneTransaction() {
        return outcomesInOneTransaction().map(this::result);
    }

    /**
     * The whole batch inside a transaction scope, which stays open when the batch fails and may be committed: an
     * atomic batch of several chunks is checked first, so that a refused item leaves nothing written by the others.
     * (A chunk refuses all its rows itself; only chunks run before a refusing one could have written.)
     */
    public Work<BatchResult<T>> inScope() {
        if (check == null || chunks.size() < 2) {
            return inOneTransaction();
        }
        return check.then(refused -> refused.isEmpty() ? outcomesInOneTransaction() : Work.done(name, refused))
                .map(this::result);
    }

    /** Every chunk in one transaction, with the outcome of each item (in chunk order, not input order). */
    public Work<List<Outcome<T>>> outcomesInOneTransaction() {
        List<Statement<List<Outcome<T>>>> statements =
                chunks.stream().map(Chunk::statement).toList();
        return Work.sequence(name, AccessMode.WRITE, statements)
                .map(parts -> parts.stream().flatMap(List::stream).toList());
    }

    /** Every item of a chunk whose transaction failed. */
    public List<Outcome<T>> failed(Chunk<T> chunk, MemoryException failure) {
        return chunk.indexes().stream()
                .map(index -> Batches.<T>failed(index, failure))
                .toList();
    }

    /** The result in input order; in an atomic batch, the first failed item is thrown instead. */
    public BatchResult<T> result(List<Outcome<T>> outcomes) {
        List<Outcome<T>> ordered = new ArrayList<>(outcomes);
        ordered.sort(Comparator.comparingInt(Outcome::index));
        if (mode == BatchMode.ATOMIC) {
            ordered.stream()
                    .filter(outcome -> outcome.failure() != null && !outcome.collateral())
                    .findFirst()
                    .ifPresent(outcome -> {
                        throw itemFailure(field, outcome.index(), outcome.failure());
                    });
        }
        return new BatchResult<>(ordered.stream().map(Outcome::item).toList());
    }

    /** The failure of item {@code index} of the list {@code field}, with the field path naming the item. */
    static MemoryException itemFailure(String field, int index, MemoryException failure) {
        String prefix = field + "[" + index + "].";
        if (failure instanceof NotFoundException notFound) {
            return new NotFoundException(notFound.kind(), prefix + notFound.field(), notFound.id());
        }
        if (failure instanceof InvalidInputException invalid
                && !(invalid.field().startsWith(field))) {
            return new InvalidInputException(prefix + invalid.field(), invalid.rule(), invalid);
        }
        return failure;
    }

    public static <T> Outcome<T> stored(int index, boolean created, T value) {
        return new Outcome<>(
                index, created ? BatchResult.Status.CREATED : BatchResult.Status.UPDATED, value, null, false);
    }

    public static <T> Outcome<T> failed(int index, MemoryException failure) {
        return new Outcome<>(index, BatchResult.Status.FAILED, null, failure, false);
    }

    /** An item not written only because another item of its atomic batch failed. */
    public static <T> Outcome<T> collateral(int index, MemoryException failure) {
        return new Outcome<>(index, BatchResult.Status.FAILED, null, failure, true);
    }

    /** Outcomes of a statement returning {@code index} and {@code node} of memories it created. */
    public static <T> List<Outcome<T>> created(Statement.Rows rows, Function<Node, T> mapper) {
        return rows.records().stream()
                .map(record -> stored(
                        record.get("index").asInt(),
                        true,
                        mapper.apply(record.get("node").asNode())))
                .toList();
    }

    /** Outcomes of a statement returning {@code index}, {@code node} and whether it {@code created} the memory. */
    public static <T> List<Outcome<T>> upserted(Statement.Rows rows, Function<Node, T> mapper) {
        List<Outcome<T>> outcomes = new ArrayList<>(rows.records().size());
        for (Record record : rows.records()) {
            outcomes.add(stored(
                    record.get("index").asInt(),
                    record.get("created").asBoolean(),
                    mapper.apply(record.get("node").asNode())));
        }
        return outcomes;
    }

    /** The only value of a batch of one, or its failure. */
    public static <T> T single(List<Outcome<T>> outcomes) {
        Outcome<T> outcome = outcomes.get(0);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.value();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> indexes(List<Map<String, Object>> rows) {
        List<Integer> indexes = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object group = row.get("indexes");
            if (group instanceof List<?> list) {
                indexes.addAll((List<Integer>) list);
            } else {
                indexes.add((Integer) row.get("index"));
            }
        }
        return indexes;
    }

    public static List<Integer> asIndexes(Value value) {
        return value.asList(Value::asInt);
    }
}
