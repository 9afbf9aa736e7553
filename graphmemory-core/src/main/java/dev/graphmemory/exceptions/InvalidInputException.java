package dev.graphmemory.exceptions;

/**
 * The input breaks a rule; nothing was changed. {@link #field()} names the offending field and {@link #rule()} the
 * rule, so a caller (or an assistant) can correct the call.
 */
public sealed class InvalidInputException extends MemoryException permits QueryRefusedException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String rule;

    /**
     * @param field the input field, e.g. {@code priority}
     * @param rule the rule in a few words, e.g. {@code must be between 1 and 5}
     */
    public InvalidInputException(String field, String rule) {
        this(field, rule, null);
    }

    /** With the exception that revealed the problem. */
    public InvalidInputException(String field, String rule, Throwable cause) {
        super(field + " " + rule, cause);
        this.field = field;
        this.rule = rule;
    }

    /** The input field that is wrong. */
    public String field() {
        return field;
    }

    /** The rule it breaks. */
    public String rule() {
        return rule;
    }

    @Override
    public String errorCode() {
        return "invalid_input";
    }
}
