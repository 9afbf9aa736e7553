package dev.graphmemory.internal.work;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds the parameters of a statement, or one row of an UNWIND statement. Unlike {@code Map.of} it keeps
 * {@code null} values (absent optional inputs), which the statements test with {@code IS NULL}.
 */
public final class Params {
    private final Map<String, Object> values = new HashMap<>();

    private Params(String key, Object value) {
        values.put(key, value);
    }

    /** Parameters of a statement scoped to a namespace. */
    public static Params in(String namespace) {
        return new Params("namespace", namespace);
    }

    /** A row for the item at this input position (its {@code index}, by which results are matched to inputs). */
    public static Params row(int index) {
        return new Params("index", index);
    }

    /** Adds a value; {@code null} is kept. */
    public Params with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** The values, as the driver takes them. */
    public Map<String, Object> map() {
        return values;
    }
}
