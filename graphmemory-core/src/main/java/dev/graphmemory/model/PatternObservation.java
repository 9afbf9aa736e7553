package dev.graphmemory.model;

/**
 * One observation of a pattern. Observing the same pattern again (same description ignoring case and spacing, same
 * type and domain) strengthens it instead of storing a copy.
 *
 * @param description the behaviour, in words (required, at most {@value Limits#DESCRIPTION} characters)
 * @param type what kind of pattern (required)
 * @param domain the area of life; {@code work} by default
 * @param frequency how often it shows, or {@code null} if unknown
 */
public record PatternObservation(String description, PatternType type, String domain, PatternFrequency frequency) {

    /** Checks every field. */
    public PatternObservation {
        description = Validate.text("description", description, Limits.DESCRIPTION);
        Validate.required("type", type);
        domain = Validate.domain("domain", domain, NewCommitment.DEFAULT_DOMAIN);
    }

    /** An observation in the default domain, frequency unknown. */
    public static PatternObservation of(String description, PatternType type) {
        return new PatternObservation(description, type, null, null);
    }

    /** In another domain. */
    public PatternObservation inDomain(String newDomain) {
        return new PatternObservation(description, type, newDomain, frequency);
    }

    /**
     * The key that identifies this pattern within a namespace (stored as {@code patternKey}): a SHA-256 of the type,
     * the domain and the normalized description ({@link Validate#normalizedKey}), in hex. Hashed, because a
     * description may be longer than an index key can hold. Observing a pattern of the same key strengthens it.
     */
    public String patternKey() {
        String identity = type.value() + "\n" + domain + "\n" + Validate.normalizedKey(description);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** With a frequency. */
    public PatternObservation frequency(PatternFrequency newFrequency) {
        return new PatternObservation(description, type, domain, newFrequency);
    }
}
