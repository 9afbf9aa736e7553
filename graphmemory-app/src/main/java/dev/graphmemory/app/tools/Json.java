package dev.graphmemory.app.tools;

import dev.graphmemory.model.Deadline;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.PatternFrequency;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelationshipType;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * The JSON shape of tool results: snake_case names (like the arguments), enum values in lower case (relationship
 * types in upper case, as in Cypher), times as ISO-8601 strings, deadlines as a date or a date-time.
 */
public final class Json {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /**
     * The mapper for results; also reads tool arguments, refusing an object that names a key twice (which JSON parsers
     * resolve differently: the first, the last, or an error), so that what the caller meant is never a guess.
     */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .addModule(new SimpleModule("graphmemory")
                    .addSerializer(Deadline.class, new ToStringSerializer(Deadline.class))
                    .addSerializer(PatternType.class, new ToStringSerializer(PatternType.class))
                    .addSerializer(PatternFrequency.class, new ToStringSerializer(PatternFrequency.class))
                    .addSerializer(EntityType.class, new ToStringSerializer(EntityType.class))
                    .addSerializer(RelationshipType.class, new RelationshipTypeSerializer()))
            .build();

    private Json() {}

    /** A result as a JSON object tree. */
    public static Map<String, Object> tree(Object value) {
        return MAPPER.convertValue(value, MAP);
    }

    /** Compact JSON text. */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * Reads a JSON object; anything else ({@code null}, an array, a string, a number) is refused like malformed JSON,
     * so that every front end has one rule for arguments that are not an object.
     */
    public static Map<String, Object> readObject(String text) throws JacksonException {
        JsonNode tree = MAPPER.readTree(text);
        if (tree == null || !tree.isObject()) {
            throw DatabindException.from(
                    (JsonParser) null,
                    "expected a JSON object, got "
                            + (tree == null || tree.isMissingNode() ? "nothing" : describe(tree)));
        }
        return MAPPER.convertValue(tree, MAP);
    }

    /** What kind of JSON value this is, in a few words. */
    public static String describe(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isString()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.isObject() ? "an object" : "a JSON value";
    }

    private static final class RelationshipTypeSerializer extends StdSerializer<RelationshipType> {
        RelationshipTypeSerializer() {
            super(RelationshipType.class);
        }

        @Override
        public void serialize(RelationshipType value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.name());
        }
    }
}
