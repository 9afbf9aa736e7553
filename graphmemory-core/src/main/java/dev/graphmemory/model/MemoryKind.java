package dev.graphmemory.model;

import java.util.Optional;

/**
 * The kinds of memory. Every memory node carries the label {@code Memory} and the {@link #label()} of its kind.
 */
public enum MemoryKind {
    /** A promise with an optional deadline. */
    COMMITMENT("Commitment"),
    /** A choice, with its rationale and the alternatives considered. */
    DECISION("Decision"),
    /** A recurring behaviour that strengthens each time it is observed. */
    PATTERN("Pattern"),
    /** A conversation session with an assistant. */
    CONVERSATION("Conversation"),
    /** A person, client, project or organization. */
    ENTITY("Entity"),
    /** The user's energy at a moment. */
    ENERGY_STATE("EnergyState"),
    /** Something said in a conversation: a speaker's turn, in order. */
    TURN("Turn"),
    /** A statement about entities that holds for a time: when it became true and, once known, when it stopped. */
    FACT("Fact");

    private final String label;

    MemoryKind(String label) {
        this.label = label;
    }

    /** The node label of this kind, e.g. {@code Commitment}. */
    public String label() {
        return label;
    }

    /** The value used in tools: the lower-case name, e.g. {@code energy_state}. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind whose label is given, if any. */
    public static Optional<MemoryKind> fromLabel(String label) {
        for (MemoryKind kind : values()) {
            if (kind.label.equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind among these labels (a node's labels), if any. */
    public static Optional<MemoryKind> fromLabels(Iterable<String> labels) {
        for (String label : labels) {
            Optional<MemoryKind> kind = fromLabel(label);
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a kind, ignoring case.
     *
     * @throws dev.graphmemory.exceptions.InvalidInputException when the text names no kind
     */
    public static MemoryKind parse(String field, String text) {
        return Validate.oneOf(field, text, MemoryKind.class);
    }
}
