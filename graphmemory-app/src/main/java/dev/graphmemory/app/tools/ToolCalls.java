package dev.graphmemory.app.tools;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.exceptions.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls tools by name for every front end (the MCP server over stdio or HTTP, and {@code graphmemory tool}). A call
 * never throws: a bad argument, a missing memory, a refused query or a database failure becomes an error outcome
 * with a stable code and a message a model can act on, never a stack trace.
 */
public final class ToolCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCalls.class);
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    private final Supplier<GraphMemory> memory;

    /** Calls go to this memory, in its namespace. */
    public ToolCalls(GraphMemory memory) {
        Objects.requireNonNull(memory, "memory");
        this.memory = () -> memory;
    }

    /**
     * Calls go to the memory {@code memory} gives, asked once per call, after the arguments are checked: a server
     * that answers before its database has started passes one that waits for it, and that throws a
     * {@link dev.graphmemory.exceptions.UnavailableException} while it cannot (still starting, or failed to start),
     * which the call answers as an {@code unavailable} error.
     */
    public ToolCalls(Supplier<GraphMemory> memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /**
     * The outcome of a call.
     *
     * @param error whether the call failed
     * @param content the result, or an object with {@code error}, {@code message} and maybe {@code field}
     */
    public record Outcome(boolean error, Map<String, Object> content) {}

    /** Calls the tool {@code name} with the raw JSON arguments. */
    public Outcome call(String name, Map<String, Object> arguments) {
        var tool = ToolCatalogue.find(name);
        if (tool.isEmpty()) {
            return failure("unknown_tool", "There is no tool named '" + name + "'", null);
        }
        long started = System.nanoTime();
        try {
            Args checked = Args.check(arguments, tool.get().params());
            Object result = tool.get().handler().apply(memory.get(), checked);
            LOG.debug("{} done in {} ms", name, (System.nanoTime() - started) / 1_000_000);
            return new Outcome(false, Json.tree(result));
        } catch (MemoryException e) {
            LOG.debug("{} failed: {}", name, e.getMessage());
            return failure(e.errorCode(), message(e), field(e));
        } catch (RuntimeException e) {
            // One line on standard error; the stack trace only with --verbose.
            LOG.warn("{} failed unexpectedly: {}", name, e.toString());
            LOG.debug("{} failed", name, e);
            return failure(
                    "internal_error",
                    "graphmemory could not complete the call: " + e.getClass().getSimpleName(),
                    null);
        }
    }

    private static Outcome failure(String code, String message, String field) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("error", code);
        content.put("message", message);
        if (field != null) {
            content.put("field", field);
        }
        return new Outcome(true, content);
    }

    /** The library's field names (camelCase) as argument names (snake_case). */
    static String snakeCase(String field) {
        Matcher matcher = CAMEL.matcher(field);
        return matcher.replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String field(MemoryException e) {
        if (e instanceof InvalidInputException invalid) {
            return snakeCase(invalid.field());
        }
        if (e instanceof NotFoundException notFound) {
            return snakeCase(notFound.field());
        }
        return null;
    }

    private static String message(MemoryException e) {
        if (e instanceof InvalidInputException invalid) {
            return snakeCase(invalid.field()) + " " + invalid.rule();
        }
        if (e instanceof NotFoundException notFound) {
            return notFound.kind() + " '" + notFound.id() + "' (" + snakeCase(notFound.field())
                    + ") does not exist in this memory; check the id, or look it up with a get_ or find_ tool";
        }
        return e.getMessage();
    }
}
