package dev.graphmemory.app.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A page's parameters, each checked: one that is not what the page takes is a {@link Routes.BadRequest}. */
final class Query {
    /** The longest parameter value a page reads. */
    static final int MAX_VALUE = 1_000;

    private final HttpServletRequest request;

    Query(HttpServletRequest request) {
        this.request = request;
    }

    /** The value, stripped, or {@code null} if absent or blank. */
    String text(String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_VALUE) {
            throw new Routes.BadRequest("The parameter " + name + " is longer than " + MAX_VALUE + " characters.");
        }
        return value.strip();
    }

    int integer(String name, int absent, int min, int max) {
        String value = text(name);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new Routes.BadRequest(
                "The parameter " + name + " must be a whole number from " + min + " to " + max + "; was " + value);
    }

    double decimal(String name, double absent, double min, double max) {
        String value = text(name);
        if (value == null) {
            return absent;
        }
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new Routes.BadRequest(
                "The parameter " + name + " must be a number from " + min + " to " + max + "; was " + value);
    }

    /** An ISO-8601 instant such as {@code 2026-12-02T07:10:14Z}, or {@code absent}. */
    Instant instant(String name, Instant absent) {
        String value = text(name);
        if (value == null) {
            return absent;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Routes.BadRequest(
                    "The parameter " + name + " must be a time such as 2026-12-02T07:10:14Z; was " + value);
        }
    }

    boolean flag(String name) {
        String value = text(name);
        return value != null && !value.equals("0") && !value.equalsIgnoreCase("false");
    }
}
