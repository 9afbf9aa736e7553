package dev.graphmemory.app.tools;

import dev.graphmemory.model.Deadline;
import dev.graphmemory.model.RelationshipType;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
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

    /** The mapper for results; also reads tool arguments. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .addModule(new SimpleModule("graphmemory")
                    .addSerializer(Deadline.class, new ToStringSerializer(Deadline.class))
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

    /** Reads a JSON object. */
    public static Map<String, Object> readObject(String text) throws JacksonException {
        return MAPPER.readValue(text, MAP);
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
