package dev.graphmemory.app.ui;

import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.model.Validate;

/** The inspector's addresses. An address that is none of them, or names an id no memory could have, is not found. */
final class Routes {
    static final String MEMORY = "/memory";
    static final String GRAPH = "/api/graph";
    static final String FORGET = "/forget";

    enum Kind {
        SEARCH,
        TIMELINE,
        COMMITMENTS,
        PATTERNS,
        MEMORY,
        CONFIRM_FORGET,
        FORGOTTEN,
        GRAPH
    }

    /** A page, and the memory it is about (or {@code null}). */
    record Route(Kind page, String id) {}

    /** An address that names no page. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound() {
            super("not found", null, false, false);
        }
    }

    /** A parameter that is not what the page takes; the message names it. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private Routes() {}

    static Route of(String path) {
        switch (path) {
            case "/":
                return new Route(Kind.SEARCH, null);
            case "/timeline":
                return new Route(Kind.TIMELINE, null);
            case "/commitments":
                return new Route(Kind.COMMITMENTS, null);
            case "/patterns":
                return new Route(Kind.PATTERNS, null);
            case "/forgotten":
                return new Route(Kind.FORGOTTEN, null);
            default:
                break;
        }
        if (isForget(path)) {
            return new Route(Kind.CONFIRM_FORGET, memoryId(path));
        }
        if (path.startsWith(MEMORY + "/")) {
            return new Route(Kind.MEMORY, id(path.substring(MEMORY.length() + 1)));
        }
        if (path.startsWith(GRAPH + "/")) {
            return new Route(Kind.GRAPH, id(path.substring(GRAPH.length() + 1)));
        }
        throw new NotFound();
    }

    /** Whether the address is a memory's forget address, {@code /memory/ID/forget}. */
    static boolean isForget(String path) {
        return path.startsWith(MEMORY + "/")
                && path.endsWith(FORGET)
                && path.length() > MEMORY.length() + FORGET.length() + 1;
    }

    /** The id in {@code /memory/ID/forget}. */
    static String memoryId(String path) {
        return id(path.substring(MEMORY.length() + 1, path.length() - FORGET.length()));
    }

    /** An id as the library checks ids (letters, digits and {@code _ . : -}), or not found. */
    private static String id(String segment) {
        try {
            return Validate.id("id", segment);
        } catch (InvalidInputException notAnId) {
            throw new NotFound();
        }
    }
}
