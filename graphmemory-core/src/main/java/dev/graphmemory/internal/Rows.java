package dev.graphmemory.internal;

import java.util.HashMap;
import java.util.Map;

/** Builds one row of an UNWIND statement; unlike {@code Map.of} it keeps {@code null} (absent optional inputs). */
final class Rows {
    private final Map<String, Object> values = new HashMap<>();

    private Rows(int index) {
        values.put("index", index);
    }

    /** A row for the item at this input position. */
    static Rows at(int index) {
        return new Rows(index);
    }

    Rows with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    Map<String, Object> map() {
        return values;
    }
}
