package dev.graphmemory.model;

/**
 * An entity to store or update. There is one entity per name in a namespace, ignoring case, spacing and Unicode form:
 * storing {@code "Alice  Smith"} after {@code "alice smith"} updates the same entity.
 *
 * @param name the entity's name (required, at most {@value Limits#NAME} characters)
 * @param type what it is (required)
 * @param domain the area of life, or {@code null} (keeps the stored one on update; {@code work} on create)
 * @param notes free notes, or {@code null} (keeps the stored ones on update)
 */
public record NewEntity(String name, EntityType type, String domain, String notes) {

    /** Checks every field. */
    public NewEntity {
        name = Validate.line("name", name, Limits.NAME);
        Validate.required("type", type);
        domain = Validate.domain("domain", domain, null);
        notes = Validate.optionalText("notes", notes, Limits.NOTES);
    }

    /** An entity with no domain or notes. */
    public static NewEntity of(String name, EntityType type) {
        return new NewEntity(name, type, null, null);
    }

    /** With a domain. */
    public NewEntity inDomain(String newDomain) {
        return new NewEntity(name, type, newDomain, notes);
    }

    /** With notes. */
    public NewEntity notes(String newNotes) {
        return new NewEntity(name, type, domain, newNotes);
    }

    /** The key that identifies this entity within a namespace. */
    public String nameKey() {
        return Validate.normalizedKey(name);
    }
}
