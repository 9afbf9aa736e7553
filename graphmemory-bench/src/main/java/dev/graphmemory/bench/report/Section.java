package dev.graphmemory.bench.report;

/**
 * A part of the report that is not a scenario with a ratio: the plan of every statement, the growth run, the first
 * calls of a fresh process. Each writes its own Markdown (a {@code ##} section) and its own JSON value.
 */
public interface Section {

    /** The key of the section in {@code benchmarks.json}, e.g. {@code plans}. */
    String key();

    /** The section as Markdown, from its {@code ##} heading on, ending with a blank line. */
    String markdown();

    /** The section as a JSON value (an object or an array), on one or more lines. */
    String json();

    /** A JSON string literal. */
    static String quote(String text) {
        return JsonReport.string(text);
    }
}
