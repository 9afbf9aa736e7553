package dev.graphmemory.model;

import java.util.List;
import java.util.Map;

/**
 * What an entity is: a term of an open vocabulary. Any word or words are accepted and stored canonically
 * ({@link Validate#term}: lower case, spaces and dashes as {@code _}), so that the values the original adapter's
 * callers send keep working; the {@linkplain #known() known} ones are documented, and {@link #AUTO} says the type is
 * not known yet.
 *
 * @param value the canonical term, stored in the graph and used in tools
 */
public record EntityType(String value) {
    private static final Map<String, String> SYNONYMS = Map.of("organisation", "organization");

    /** A person. */
    public static final EntityType PERSON = new EntityType("person");
    /** A client or customer. */
    public static final EntityType CLIENT = new EntityType("client");
    /** A project or initiative. */
    public static final EntityType PROJECT = new EntityType("project");
    /** A company, team or other organization. */
    public static final EntityType ORGANIZATION = new EntityType("organization");
    /** Not known yet: the caller (or an extraction) did not say what it is. */
    public static final EntityType AUTO = new EntityType("auto");

    private static final List<EntityType> KNOWN = List.of(PERSON, CLIENT, PROJECT, ORGANIZATION, AUTO);

    /** Makes the value canonical. */
    public EntityType {
        value = Validate.term("type", value, SYNONYMS);
    }

    /** The documented types, in the order above. */
    public static List<EntityType> known() {
        return KNOWN;
    }

    /** Whether this is one of the {@linkplain #known() documented} types. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /**
     * Parses a value: any word or words, made canonical.
     *
     * @param field the input field, named in the error
     * @throws dev.graphmemory.exceptions.InvalidInputException when the text is blank or not a term
     */
    public static EntityType parse(String field, String text) {
        return new EntityType(Validate.term(field, text, SYNONYMS));
    }

    /** The canonical value. */
    @Override
    public String toString() {
        return value;
    }
}
