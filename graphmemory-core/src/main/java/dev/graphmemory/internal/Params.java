package dev.graphmemory.internal;

import java.util.HashMap;
import java.util.Map;

/** Builds statement parameters; unlike {@code Map.of} it accepts {@code null} values (absent optional inputs). */
final class Params {
    private final Map<String, Object> values = new HashMap<>();

    private Params(String namespace) {
        values.put("namespace", namespace);
    }

    /** Parameters of a statement scoped to a namespace. */
    static Params in(String namespace) {
        return new Params(namespace);
    }

    Params with(String name, Object value) {
        values.put(name, value);
        return this;
    }

    Map<String, Object> map() {
        return values;
    }
}
