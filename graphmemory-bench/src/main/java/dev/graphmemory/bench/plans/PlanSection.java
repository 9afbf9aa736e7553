package dev.graphmemory.bench.plans;

import dev.graphmemory.bench.report.Numbers;
import dev.graphmemory.bench.report.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The plans section of the report: for every statement the library sends, how long its first plan in the process
 * took, how long a forced re-plan takes (median and worst of several), the size of the plan, and any scan.
 *
 * @param rows one per statement, the library's and those of before this issue
 * @param replans how many forced re-plans each median is of
 */
public record PlanSection(List<Row> rows, int replans) implements Section {
    /** The most a statement should take to plan on this machine. */
    static final double TARGET_MILLIS = 250;

    /**
     * One statement.
     *
     * @param statement the operation and what sets the statement apart
     * @param before whether it is a statement the library sent before (not any more)
     * @param firstMillis its first plan in this process
     * @param replanMedianMillis the median of the forced re-plans
     * @param replanMaxMillis the slowest forced re-plan
     * @param operators how many operators the plan has
     * @param scans the operators that scan, empty when every lookup is an index seek
     */
    public record Row(
            String statement,
            boolean before,
            double firstMillis,
            double replanFastestMillis,
            double replanMedianMillis,
            double replanMaxMillis,
            int operators,
            List<String> scans) {}

    public PlanSection {
        rows = List.copyOf(rows);
    }

    @Override
    public String key() {
        return "plans";
    }

    /** The library's statements (not those of before), slowest re-plan first. */
    List<Row> library() {
        List<Row> library =
                new ArrayList<>(rows.stream().filter(row -> !row.before()).toList());
        library.sort(Comparator.comparingDouble(Row::replanFastestMillis).reversed());
        return library;
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder("## Plans\n\n");
        List<Row> library = library();
        List<Row> over = library.stream()
                .filter(row -> row.replanFastestMillis() > TARGET_MILLIS)
                .toList();
        md.append(("Every statement the library sends (%d, with parameters of the types its calls send), planned with "
                        + "`EXPLAIN`: its first plan in this process (the server's planner still cold, as in a fresh "
                        + "`graphmemory serve`), then planned afresh %d times (`CYPHER replan=force`, what a call waits "
                        + "for when Neo4j re-plans a statement whose counts drifted): the fastest, the median and the "
                        + "slowest. The machine is shared with other work: the fastest of several plans is the statement's "
                        + "own cost on this machine, the median and slowest show what the other work added. Target: a "
                        + "re-plan of %s ms or less (the fastest). ")
                .formatted(library.size(), replans, Numbers.millis(TARGET_MILLIS)));
        if (!library.isEmpty()) {
            Row worst = library.get(0);
            md.append("Slowest to plan: %s, %s ms; %s.\n\n"
                    .formatted(
                            worst.statement(),
                            Numbers.millis(worst.replanFastestMillis()),
                            over.isEmpty() ? "every statement within the target" : over.size() + " over the target"));
        }
        md.append(
                "| statement | first plan | re-plan, fastest | re-plan, median | re-plan, slowest | operators | scans |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        List<Row> ordered = new ArrayList<>(rows.stream().filter(Row::before).toList());
        ordered.addAll(library);
        for (Row row : ordered) {
            md.append("| %s | %s ms | %s ms | %s ms | %s ms | %d | %s |\n"
                    .formatted(
                            row.before() ? "*" + row.statement() + "*" : row.statement(),
                            Numbers.millis(row.firstMillis()),
                            row.replanFastestMillis() > TARGET_MILLIS
                                    ? "**" + Numbers.millis(row.replanFastestMillis()) + "**"
                                    : Numbers.millis(row.replanFastestMillis()),
                            Numbers.millis(row.replanMedianMillis()),
                            Numbers.millis(row.replanMaxMillis()),
                            row.operators(),
                            row.scans().isEmpty() ? "none" : String.join("; ", row.scans())));
        }
        md.append('\n');
        return md.toString();
    }

    @Override
    public String json() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append(String.format(
                            Locale.ROOT,
                            "    {\"statement\": %s, \"before\": %b, \"firstMs\": %s, \"replanFastestMs\": %s, \"replanMedianMs\": %s, "
                                    + "\"replanMaxMs\": %s, \"operators\": %d, \"scans\": %d}",
                            Section.quote(row.statement()),
                            row.before(),
                            Numbers.json(row.firstMillis()),
                            Numbers.json(row.replanFastestMillis()),
                            Numbers.json(row.replanMedianMillis()),
                            Numbers.json(row.replanMaxMillis()),
                            row.operators(),
                            row.scans().size()));
        }
        return json.append(rows.isEmpty() ? "]" : "\n  ]").toString();
    }
}
