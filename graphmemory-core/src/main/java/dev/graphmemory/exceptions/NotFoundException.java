package dev.graphmemory.exceptions;

/** The memory an operation names does not exist in this namespace. */
public final class NotFoundException extends MemoryException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;
    private final String field;

    /**
     * @param kind what was looked for, e.g. {@code Commitment}
     * @param field the input field that named it, e.g. {@code commitmentId}
     * @param id the id or name that was not found
     */
    public NotFoundException(String kind, String field, String id) {
        super(kind + " '" + id + "' (" + field + ") does not exist in this namespace", null);
        this.kind = kind;
        this.id = id;
        this.field = field;
    }

    /** What was looked for, e.g. {@code Commitment} or {@code Memory}. */
    public String kind() {
        return kind;
    }

    /** The id or name that was not found. */
    public String id() {
        return id;
    }

    /** The input field that named it. */
    public String field() {
        return field;
    }

    @Override
    public String errorCode() {
        return "not_found";
    }
}
