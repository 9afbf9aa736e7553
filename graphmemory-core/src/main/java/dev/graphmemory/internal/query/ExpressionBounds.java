package dev.graphmemory.internal.query;

import dev.graphmemory.exceptions.QueryRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;

/**
 * Refuses the expressions whose work Neo4j cannot stop once it has started.
 *
 * <p>Neo4j stops a query that passes its timeout between rows and at its storage reads, but never inside the
 * evaluation of one expression: {@code RETURN reduce(s = "", i IN range(1, 10000000) | s + "x")} ran for twelve
 * minutes against a ten-second timeout. The client gives up on it in time (see the driver's {@code Retries}), but the
 * database keeps a core busy until the expression is done, and the values it builds on the way are not counted
 * against the transaction's memory limit. Two rules keep such work small before it starts:
 *
 * <ul>
 *   <li>{@code reduce(…)} is refused: its accumulator is the one way to make work or a value grow faster than its
 *       input (doubling a string each step overflows two gigabytes in 31 steps). Aggregations ({@code sum},
 *       {@code collect}) and {@code UNWIND} do the same jobs row by row, where the timeout applies.
 *   <li>{@code range(…)} inside an expression must have whole numbers or parameters as bounds, and the ranges of one
 *       operator (nested list comprehensions multiply) may hold at most {@value #MAX_RANGE_ELEMENTS} elements
 *       together. {@code UNWIND range(…) AS x} itself is free: it hands out one row at a time, and the timeout stops
 *       it between rows.
 * </ul>
 *
 * <p>The plan shows literals as auto-parameters ({@code $autoint_0}) without their values, so such a bound is taken to
 * be anywhere between the smallest and the largest number written in the query: an overestimate, which can only
 * refuse, never let through.
 */
final class ExpressionBounds {
    /** The most elements the ranges of one operator may have together. */
    static final long MAX_RANGE_ELEMENTS = 100_000;

    private static final Pattern REDUCE = Pattern.compile("(?<![\\w$`.])reduce\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(?<![\\w$`.])range\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern PARAMETER = Pattern.compile("(-?)\\$(\\w+)");
    private static final Pattern NUMBER_IN_TEXT =
            Pattern.compile("0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|\\d[\\d_]*(?:\\.\\d[\\d_]*)?(?:[eE][+-]?\\d+)?");

    private ExpressionBounds() {}

    /** Refuses the plan if one of its operators evaluates an unbounded expression. */
    static void check(Plan root, String queryText, Map<String, Object> parameters) {
        visit(root, numbers(queryText), parameters);
    }

    private static void visit(Plan operator, double[] literals, Map<String, Object> parameters) {
        String details = details(operator);
        if (operator.operatorType().toLowerCase(java.util.Locale.ROOT).startsWith("unwind")) {
            details = withoutStreamedRange(details);
        }
        if (REDUCE.matcher(details).find()) {
            throw new QueryRefusedException("must not use reduce(): the database cannot stop it at the timeout;"
                    + " use UNWIND with sum() or collect(), which it can");
        }
        double elements = 1;
        Matcher range = RANGE.matcher(details);
        while (range.find()) {
            elements *= rangeSize(arguments(details, range.end()), literals, parameters);
            if (elements > MAX_RANGE_ELEMENTS) {
                throw new QueryRefusedException("must not build more than " + MAX_RANGE_ELEMENTS
                        + " elements with range() in one expression or UNWIND (nested ranges multiply); this one"
                        + " could build " + (elements >= 1e15 ? "far more" : String.format("%.0f", elements)));
            }
        }
        for (Plan child : operator.children()) {
            visit(child, literals, parameters);
        }
    }

    /** An UNWIND of {@code range(…) AS x} streams the range; only what else its expression holds counts. */
    private static String withoutStreamedRange(String details) {
        Matcher range = RANGE.matcher(details);
        if (!range.lookingAt()) {
            return details;
        }
        int end = closing(details, range.end());
        return end >= 0 && details.substring(end + 1).strip().matches("(?i)AS\\s+\\S+") ? "" : details;
    }

    /** The index of the parenthesis that closes the one opened just before {@code from}, or -1. */
    private static int closing(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** How many elements a {@code range(start, end[, step])} with these argument texts can have at most. */
    private static double rangeSize(List<String> arguments, double[] literals, Map<String, Object> parameters) {
        if (arguments.size() < 2 || arguments.size() > 3) {
            return 1; // the database refuses it anyway
        }
        double[] start = bound(arguments.get(0), literals, parameters);
        double[] end = bound(arguments.get(1), literals, parameters);
        double step = 1;
        if (arguments.size() == 3) {
            double[] steps = bound(arguments.get(2), literals, parameters);
            // Unknown: the smallest step there could be; a known step of 0 fails in the database.
            step = steps[0] == steps[1] ? Math.max(1, Math.abs(steps[0])) : 1;
        }
        double widest = Math.max(Math.abs(end[1] - start[0]), Math.abs(end[0] - start[1]));
        return Math.floor(widest / step) + 1;
    }

    /**
     * The smallest and largest value an argument can have: a literal or a parameter given with the query is known; an
     * auto-parameter (a literal the database took out of the text) is one of the numbers written in the text.
     */
    private static double[] bound(String argument, double[] literals, Map<String, Object> parameters) {
        String text = argument.strip();
        if (INTEGER.matcher(text).matches()) {
            double value = Double.parseDouble(text);
            return new double[] {value, value};
        }
        Matcher parameter = PARAMETER.matcher(text);
        if (parameter.matches()) {
            String name = parameter.group(2);
            double sign = parameter.group(1).isEmpty() ? 1 : -1;
            if (name.startsWith("auto")) {
                return sign > 0 ? literals.clone() : new double[] {-literals[1], -literals[0]};
            }
            Object value = parameters.get(name);
            if (value instanceof Number number && Math.rint(number.doubleValue()) == number.doubleValue()) {
                return new double[] {sign * number.doubleValue(), sign * number.doubleValue()};
            }
            throw new QueryRefusedException("must give range() whole numbers; $" + name + " is not one");
        }
        throw new QueryRefusedException("must give range() numbers or parameters as bounds (here: " + abbreviate(text)
                + "), so that its size is known before the query runs");
    }

    /** The top-level, comma-separated arguments of the call whose opening parenthesis ends at {@code from}. */
    private static List<String> arguments(String text, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    arguments.add(text.substring(start, i));
                    return arguments;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(text.substring(start, i));
                start = i + 1;
            }
        }
        arguments.add(text.substring(start));
        return arguments;
    }

    /**
     * The smallest and the largest number written in the text, strings and comments included (which can only widen
     * the interval); numbers are unsigned in Cypher's syntax, a minus sign is an operator.
     */
    static double[] numbers(String text) {
        double smallest = Double.MAX_VALUE;
        double largest = 0;
        Matcher number = NUMBER_IN_TEXT.matcher(text);
        while (number.find()) {
            String digits = number.group().replace("_", "");
            double value;
            try {
                if (digits.startsWith("0x") || digits.startsWith("0X")) {
                    value = new java.math.BigInteger(digits.substring(2), 16).doubleValue();
                } else if (digits.startsWith("0o") || digits.startsWith("0O")) {
                    value = new java.math.BigInteger(digits.substring(2), 8).doubleValue();
                } else {
                    value = Double.parseDouble(digits);
                }
            } catch (NumberFormatException e) {
                value = Double.MAX_VALUE;
            }
            smallest = Math.min(smallest, value);
            largest = Math.max(largest, value);
        }
        return smallest > largest ? new double[] {0, 0} : new double[] {smallest, largest};
    }

    private static String details(Plan operator) {
        Value details = operator.arguments().get("Details");
        return details == null || details.isNull() ? "" : details.asString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
