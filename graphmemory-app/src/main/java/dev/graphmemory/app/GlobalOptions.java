package dev.graphmemory.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options every command that reaches a memory takes ({@link ConnectionOptions}: {@code --uri}, {@code --user},
 * {@code --password}, {@code --database}, {@code --namespace}, {@code --data-dir}, {@code --verbose}) may come before
 * the command's name as well as after it, as in {@code git -C dir status} or {@code kubectl -n ns get pods}: those
 * before the name are moved after it, where the command reads them. Anything else is left as it is, for the parser to
 * accept or refuse.
 */
final class GlobalOptions {
    private static final CommandSpec CONNECTION = CommandSpec.forAnnotatedObject(new ConnectionOptions());

    private GlobalOptions() {}

    /** {@code args} with the connection options before the command's name moved after it. */
    static String[] afterCommand(CommandLine root, String... args) {
        Map<String, CommandLine> commands = root.getSubcommands();
        List<String> leading = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && !args[i].equals("-") && !args[i].equals("--")) {
            String name = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
            OptionSpec option = CONNECTION.findOption(name);
            if (option == null) {
                return args; // the root's own (--help, --version) or unknown: the parser's to judge
            }
            leading.add(args[i++]);
            boolean takesValue = option.arity().max() > 0 && !args[i - 1].contains("=");
            boolean valueOptional = option.arity().min() == 0;
            if (takesValue
                    && i < args.length
                    && !(valueOptional && (commands.containsKey(args[i]) || args[i].startsWith("-")))) {
                leading.add(args[i++]);
            }
        }
        if (leading.isEmpty() || i == args.length || !commands.containsKey(args[i])) {
            return args;
        }
        CommandSpec command = commands.get(args[i]).getCommandSpec();
        if (leading.stream()
                .anyMatch(arg -> arg.startsWith("-")
                        && command.findOption(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) == null)) {
            return args; // a command without these options: the parser says which one it does not know
        }
        List<String> moved = new ArrayList<>(args.length);
        moved.add(args[i]);
        moved.addAll(leading);
        for (int rest = i + 1; rest < args.length; rest++) {
            moved.add(args[rest]);
        }
        return moved.toArray(String[]::new);
    }
}
