package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.number;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.SharedParams.DOMAIN;
import static dev.graphmemory.app.tools.SharedParams.LIMIT;
import static dev.graphmemory.app.tools.SharedParams.PATTERN;
import static dev.graphmemory.app.tools.SharedParams.PATTERN_TYPES;
import static dev.graphmemory.app.tools.Tool.Effect.READS;
import static dev.graphmemory.app.tools.Tool.Effect.WRITES;

/** The tools of patterns: recurring behaviours that grow stronger each time they are observed again. */
final class PatternTools {
    static final Tool RECORD_PATTERN = Tool.of(
            "record_pattern",
            "Record a pattern",
            "Record an observation of a recurring behaviour. Observing the same pattern again (same"
                    + " description ignoring case and spacing, same type and domain) strengthens it: 0.5 at"
                    + " first, +0.1 each time, at most 1.0.",
            WRITES,
            (memory, args) -> memory.recordPattern(ArgumentMapper.pattern(args)),
            PATTERN);

    static final Tool GET_PATTERNS = Tool.of(
            "get_patterns",
            "List patterns",
            "List patterns, strongest first, optionally of a type or domain, or at least as strong as given.",
            READS,
            (memory, args) -> new Results.Patterns(memory.getPatterns(ArgumentMapper.patternQuery(args))),
            string("type", "Only this type, e.g. " + PATTERN_TYPES).maxLength(SharedParams.TERM_LENGTH),
            DOMAIN,
            number("min_strength", "Only patterns at least this strong (0 to 1)", 0, 1),
            LIMIT);

    private PatternTools() {}
}
