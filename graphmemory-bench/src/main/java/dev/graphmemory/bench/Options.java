package dev.graphmemory.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The runner's command line: {@code [--quick] [--out DIR] [--only S1,S6b]}.
 *
 * @param quick the quick mode (fewer rounds, smaller sizes, a 100,000-node graph for S6b); the full mode otherwise
 * @param out the folder for the reports
 * @param only the scenario ids to run (all when empty)
 */
public record Options(boolean quick, Path out, Set<String> only) {

    /** Parses the arguments; throws {@link IllegalArgumentException} with the usage on anything unknown. */
    public static Options parse(String... args) {
        boolean quick = false;
        Path out = Path.of("target", "bench");
        Set<String> only = Set.of();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                case "--quick" -> quick = true;
                case "--full" -> quick = false;
                case "--out" -> out = Path.of(value(rest, arg));
                case "--only" ->
                    only = List.of(value(rest, arg).split(",")).stream()
                            .map(id -> id.trim().toUpperCase(Locale.ROOT).replace("B", "b"))
                            .collect(Collectors.toUnmodifiableSet());
                default -> throw new IllegalArgumentException("Unknown argument " + arg + "\n" + usage());
            }
        }
        return new Options(quick, out, only);
    }

    /** Whether the scenario group that reports {@code ids} should run. */
    public boolean runs(String... ids) {
        if (only.isEmpty()) {
            return true;
        }
        for (String id : ids) {
            if (only.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** The mode's name. */
    public String mode() {
        return quick ? "quick" : "full";
    }

    /** {@code quick} in the quick mode, {@code full} otherwise. */
    public int pick(int quickValue, int fullValue) {
        return quick ? quickValue : fullValue;
    }

    /** Warm-up rounds before the counted ones. */
    public int warmups() {
        return 1;
    }

    /** Counted rounds. */
    public int rounds() {
        return pick(3, 5);
    }

    static String usage() {
        return "usage: Bench [--quick|--full] [--out DIR] [--only S1,S2,S2b,...,PLANS,GROWTH,STARTUP,COMMAND,PROCESSES,MERGE,MIGRATE]";
    }

    private static String value(List<String> rest, String option) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value\n" + usage());
        }
        return rest.remove(0);
    }
}
