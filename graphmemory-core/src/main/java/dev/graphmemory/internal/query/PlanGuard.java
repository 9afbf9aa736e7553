package dev.graphmemory.internal.query;

import dev.graphmemory.exceptions.QueryRefusedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;

/**
 * Checks an {@code EXPLAIN} plan of an assistant's query, operator by operator.
 *
 * <p>Refused operators: anything that loads files or URLs, calls a procedure not on {@link #ALLOWED_PROCEDURES},
 * writes, or runs subqueries in separate transactions. Leaves (the operators that bring nodes into a query) must be
 * of a known kind, and each node a leaf introduces must be <em>pinned</em> to the namespace: the leaf is an index
 * seek on {@code namespace = $namespace}, or an operator between the leaf and the result filters
 * {@code x.namespace = $namespace} as a top-level conjunct. Everything reachable from a pinned node by relationships
 * is in the same namespace, because links are only ever created within one namespace.
 *
 * <p>The rules are an allow-list: an operator or leaf this class does not know is refused, so a new Neo4j feature is
 * closed until someone looks at it.
 */
final class PlanGuard {
    /** Procedures an assistant may call: they only describe the shared schema. */
    static final Set<String> ALLOWED_PROCEDURES = Set.of("db.labels", "db.relationshiptypes", "db.propertykeys");

    private static final Set<String> FORBIDDEN_FRAGMENTS = Set.of(
            "create",
            "merge",
            "delete",
            "set",
            "remove",
            "foreach",
            "loadcsv",
            "transactionapply",
            "transactionforeach",
            "emptyresult",
            "systemprocedurecall",
            "show",
            "terminate");

    private static final Set<String> NODE_LEAVES = Set.of(
            "allnodesscan",
            "nodebylabelscan",
            "nodeindexseek",
            "nodeuniqueindexseek",
            "nodeindexseekbyrange",
            "nodeuniqueindexseekbyrange",
            "nodeindexscan",
            "nodeindexcontainsscan",
            "nodeindexendswithscan",
            "multinodeindexseek",
            "unionnodebylabelsscan",
            "intersectionnodebylabelsscan",
            "subtractionnodebylabelsscan",
            "nodebyidseek",
            "nodebyelementidseek",
            "partitionedallnodesscan",
            "partitionednodebylabelscan",
            "partitionednodeindexseek",
            "partitionednodeindexscan");

    private static final Set<String> RELATIONSHIP_LEAVES = Set.of(
            "directedrelationshiptypescan",
            "undirectedrelationshiptypescan",
            "directedallrelationshipsscan",
            "undirectedallrelationshipsscan",
            "directedrelationshipindexseek",
            "undirectedrelationshipindexseek",
            "directedrelationshipindexscan",
            "undirectedrelationshipindexscan",
            "directedrelationshipindexseekbyrange",
            "undirectedrelationshipindexseekbyrange",
            "directedrelationshipindexcontainsscan",
            "undirectedrelationshipindexcontainsscan",
            "directedrelationshipindexendswithscan",
            "undirectedrelationshipindexendswithscan",
            "directedrelationshipbyidseek",
            "undirectedrelationshipbyidseek",
            "directedrelationshipbyelementidseek",
            "undirectedrelationshipbyelementidseek");

    private static final Set<String> HARMLESS_LEAVES =
            Set.of("argument", "emptyrow", "argumenttracker", "unwind", "projection");

    private static final Pattern INDEX_DETAILS = Pattern.compile(
            "^(?:UNIQUE |RANGE INDEX |TEXT INDEX |POINT INDEX |INDEX )?(\\S+?):\\S+?\\(.*?\\) WHERE (.*)$",
            Pattern.DOTALL);
    private static final Pattern LEAF_VARIABLE =
            Pattern.compile("^(?:UNIQUE |RANGE INDEX |TEXT INDEX |POINT INDEX |INDEX )?([^:\\s]+)");
    private static final Pattern RELATIONSHIP_PATTERN =
            Pattern.compile("\\(\\s*([^)\\s:]+)[^)]*\\)\\s*<?-\\[[^]]*]->?\\s*\\(\\s*([^)\\s:]+)");

    private PlanGuard() {}

    /** Refuses the plan, with a reason the author of the query can act on, unless it passes every rule. */
    static void check(Plan root) {
        Deque<Plan> path = new ArrayDeque<>();
        visit(root, path);
    }

    private static void visit(Plan operator, Deque<Plan> path) {
        path.push(operator);
        String type = type(operator);
        checkOperator(type, operator);
        if (operator.children().isEmpty()) {
            checkLeaf(type, operator, path);
        }
        for (Plan child : operator.children()) {
            visit(child, path);
        }
        path.pop();
    }

    private static void checkOperator(String type, Plan operator) {
        if (type.equals("procedurecall")) {
            String procedure = details(operator).split("\\(", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!ALLOWED_PROCEDURES.contains(procedure)) {
                throw new QueryRefusedException("must not call the procedure " + procedure
                        + "; only db.labels, db.relationshipTypes and db.propertyKeys are allowed");
            }
            return;
        }
        for (String fragment : FORBIDDEN_FRAGMENTS) {
            if (type.contains(fragment)) {
                throw new QueryRefusedException(
                        "must only read memories; the operation " + operator.operatorType() + " is not allowed");
            }
        }
    }

    private static void checkLeaf(String type, Plan leaf, Deque<Plan> path) {
        if (HARMLESS_LEAVES.contains(type) || type.equals("procedurecall")) {
            return;
        }
        List<String> candidates;
        if (NODE_LEAVES.contains(type)) {
            candidates = List.of(nodeVariable(leaf));
        } else if (RELATIONSHIP_LEAVES.contains(type)) {
            candidates = relationshipEndpoints(leaf);
        } else {
            throw new QueryRefusedException("must read memories through MATCH; the operation " + leaf.operatorType()
                    + " is not allowed (counts and scans outside the namespace are not available)");
        }
        if (isPinned(connected(candidates, path), path)) {
            return;
        }
        throw new QueryRefusedException("must filter every node it starts from by namespace; add WHERE "
                + readable(candidates.get(0)) + ".namespace = $namespace (graphmemory supplies $namespace)");
    }

    /**
     * The leaf's nodes and every node the operators above it reach from them by relationships: all of them are in
     * one namespace, so a filter on any one pins them all, whichever end the planner chose to start from.
     */
    private static Set<String> connected(List<String> start, Deque<Plan> path) {
        Set<String> connected = new LinkedHashSet<>(start);
        Iterator<Plan> upwards = path.iterator(); // the deque holds the leaf first, the root last
        while (upwards.hasNext()) {
            Matcher step = RELATIONSHIP_PATTERN.matcher(details(upwards.next()));
            while (step.find()) {
                if (connected.contains(step.group(1)) || connected.contains(step.group(2))) {
                    connected.add(step.group(1));
                    connected.add(step.group(2));
                }
            }
        }
        return connected;
    }

    private static boolean isPinned(Set<String> variables, Deque<Plan> path) {
        for (Plan operator : path) {
            for (String conjunct : conjuncts(details(operator))) {
                for (String variable : variables) {
                    if (pins(conjunct, variable)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean pins(String conjunct, String variable) {
        String c = conjunct.strip();
        return c.equals(variable + ".namespace = $namespace")
                || c.equals("$namespace = " + variable + ".namespace")
                || c.equals("cache[" + variable + ".namespace] = $namespace")
                || c.equals("$namespace = cache[" + variable + ".namespace]");
    }

    /**
     * The top-level conjuncts of a predicate text: split on AND outside parentheses, brackets and strings, with
     * parentheses around a whole conjunction removed, so {@code (a AND (b AND c))} gives {@code a}, {@code b}, {@code c}
     * but {@code a OR (b AND c)} stays one conjunct. An index seek's predicate ({@code namespace = $namespace}, without
     * the variable) is returned with the variable.
     */
    static List<String> conjuncts(String details) {
        Matcher index = INDEX_DETAILS.matcher(details);
        if (index.matches()) {
            String prefix = index.group(1) + ".";
            List<String> parts = new ArrayList<>(conjunctsOf(index.group(2)));
            parts.replaceAll(part -> part.startsWith("namespace ") ? prefix + part : part);
            return parts;
        }
        return conjunctsOf(details);
    }

    private static List<String> conjunctsOf(String predicate) {
        String text = stripEnclosingParentheses(predicate.strip());
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth--;
            } else if (!quoted && depth == 0 && text.startsWith(" AND ", i)) {
                parts.add(text.substring(start, i));
                start = i + 5;
            }
        }
        String last = text.substring(start);
        if (parts.isEmpty()) {
            return List.of(last.strip());
        }
        parts.add(last);
        List<String> flat = new ArrayList<>();
        parts.forEach(part -> flat.addAll(conjunctsOf(part)));
        return flat;
    }

    private static String stripEnclosingParentheses(String text) {
        String result = text;
        while (result.startsWith("(") && closingParenthesis(result) == result.length() - 1) {
            result = result.substring(1, result.length() - 1).strip();
        }
        return result;
    }

    private static int closingParenthesis(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String nodeVariable(Plan leaf) {
        String details = details(leaf).strip();
        Matcher index = LEAF_VARIABLE.matcher(details);
        if (!details.isEmpty() && index.find()) {
            return index.group(1);
        }
        List<String> identifiers = new ArrayList<>(leaf.identifiers());
        return identifiers.isEmpty() ? "?" : identifiers.get(identifiers.size() - 1);
    }

    private static List<String> relationshipEndpoints(Plan leaf) {
        Matcher matcher = RELATIONSHIP_PATTERN.matcher(details(leaf));
        if (matcher.find()) {
            return List.of(matcher.group(1), matcher.group(2));
        }
        return List.copyOf(new LinkedHashSet<>(leaf.identifiers()));
    }

    private static String details(Plan operator) {
        Value details = operator.arguments().get("Details");
        return details == null || details.isNull() ? "" : details.asString();
    }

    private static String type(Plan operator) {
        String type = operator.operatorType();
        int at = type.indexOf('@');
        return (at >= 0 ? type.substring(0, at) : type)
                .replace("(", "")
                .replace(")", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String readable(String variable) {
        return variable.startsWith("anon_") || variable.startsWith("  ") ? "n" : variable;
    }
}
