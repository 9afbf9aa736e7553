package dev.graphmemory.app.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One argument of a tool. The JSON Schema a model sees and the checks {@link Args} makes are both derived from it,
 * so they cannot disagree.
 *
 * @param name the snake_case argument name
 * @param type its JSON type
 * @param description what it means, for a model
 * @param required whether it must be given
 * @param values the allowed values of a string (or of each string of an array), or empty
 * @param minimum the smallest number allowed, or {@code null}
 * @param maximum the largest number allowed, or {@code null}
 * @param maxLength the longest string or list allowed, or {@code null}
 * @param items the parameters of each object in an array of objects, or of the object itself; empty otherwise
 * @param itemType the type of the elements of an array of scalars, or {@code null}
 */
public record Param(
        String name,
        Type type,
        String description,
        boolean required,
        List<String> values,
        Number minimum,
        Number maximum,
        Integer maxLength,
        List<Param> items,
        Type itemType) {

    /** JSON types. */
    public enum Type {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        OBJECT,
        ARRAY;

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Copies the lists. */
    public Param {
        values = List.copyOf(values);
        items = List.copyOf(items);
    }

    static Param string(String name, String description) {
        return new Param(name, Type.STRING, description, false, List.of(), null, null, null, List.of(), null);
    }

    static Param integer(String name, String description, int minimum, int maximum) {
        return new Param(name, Type.INTEGER, description, false, List.of(), minimum, maximum, null, List.of(), null);
    }

    static Param number(String name, String description, double minimum, double maximum) {
        return new Param(name, Type.NUMBER, description, false, List.of(), minimum, maximum, null, List.of(), null);
    }

    static Param object(String name, String description) {
        return new Param(name, Type.OBJECT, description, false, List.of(), null, null, null, List.of(), null);
    }

    static Param objects(String name, String description, int maxItems, Param... fields) {
        return new Param(name, Type.ARRAY, description, false, List.of(), null, null, maxItems, List.of(fields), null);
    }

    static Param strings(String name, String description, int maxItems) {
        return new Param(name, Type.ARRAY, description, false, List.of(), null, null, maxItems, List.of(), Type.STRING);
    }

    /** An array of strings, each one of {@code values}. */
    static Param stringsOf(String name, String description, List<String> values, int maxItems) {
        return new Param(name, Type.ARRAY, description, false, values, null, null, maxItems, List.of(), Type.STRING);
    }

    /** An array of finite numbers. */
    static Param numbers(String name, String description, int maxItems) {
        return new Param(name, Type.ARRAY, description, false, List.of(), null, null, maxItems, List.of(), Type.NUMBER);
    }

    static Param bool(String name, String description) {
        return new Param(name, Type.BOOLEAN, description, false, List.of(), null, null, null, List.of(), null);
    }

    static Param oneOf(String name, String description, List<String> values) {
        return new Param(name, Type.STRING, description, false, values, null, null, null, List.of(), null);
    }

    Param mandatory() {
        return new Param(name, type, description, true, values, minimum, maximum, maxLength, items, itemType);
    }

    Param maxLength(int length) {
        return new Param(name, type, description, required, values, minimum, maximum, length, items, itemType);
    }

    /** This parameter as a JSON Schema property. */
    Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type.json());
        schema.put("description", description);
        if (!values.isEmpty() && type != Type.ARRAY) {
            schema.put("enum", values);
        }
        if (minimum != null) {
            schema.put("minimum", minimum);
        }
        if (maximum != null) {
            schema.put("maximum", maximum);
        }
        if (maxLength != null) {
            schema.put(type == Type.ARRAY ? "maxItems" : "maxLength", maxLength);
        }
        if (type == Type.ARRAY) {
            schema.put("items", itemType != null ? itemSchema() : objectSchema(items));
        }
        return schema;
    }

    private Map<String, Object> itemSchema() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", itemType.json());
        if (!values.isEmpty()) {
            item.put("enum", values);
        }
        return item;
    }

    /** A JSON Schema object of these parameters, with no other properties allowed. */
    static Map<String, Object> objectSchema(List<Param> params) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Param param : params) {
            properties.put(param.name(), param.schema());
            if (param.required()) {
                required.add(param.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
