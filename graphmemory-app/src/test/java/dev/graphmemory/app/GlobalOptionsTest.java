package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Options of every command before or after its name (a pure parser seam: nothing connects). */
class GlobalOptionsTest {

    private static ConnectionOptions parsed(String... args) {
        CommandLine root = Main.commandLine();
        CommandLine.ParseResult result = root.parseArgs(GlobalOptions.afterCommand(root, args));
        Object command = result.subcommand().commandSpec().userObject();
        if (command instanceof MemoryCommand memory) {
            return memory.connection;
        }
        if (command instanceof ServeCommand serve) {
            return serve.connection;
        }
        if (command instanceof ToolCommand tool) {
            return tool.connection;
        }
        if (command instanceof ExportCommand export) {
            return export.connection;
        }
        return ((ImportCommand) command).connection;
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "health", "demo", "export", "import", "tool"})
    void shouldTakeEveryConnectionOptionBeforeOrAfterTheCommandsName(String name) {
        String[] options = {
            "--uri",
            "bolt://db:7687",
            "--user",
            "ana",
            "--password=s3cret",
            "--database",
            "memories",
            "--namespace",
            "alice",
            "--data-dir",
            "/tmp/gm",
            "--verbose"
        };
        String[] rest = switch (name) {
            case "tool" -> new String[] {"health_check", "{}"};
            case "import" -> new String[] {"snapshot.jsonl"};
            default -> new String[0];
        };

        ConnectionOptions before = parsed(concat(options, new String[] {name}, rest));
        ConnectionOptions after = parsed(concat(new String[] {name}, rest, options));

        for (ConnectionOptions connection : new ConnectionOptions[] {before, after}) {
            assertThat(connection.uri).hasToString("bolt://db:7687");
            assertThat(connection.user).isEqualTo("ana");
            assertThat(new String(connection.password)).isEqualTo("s3cret");
            assertThat(connection.database).isEqualTo("memories");
            assertThat(connection.namespace).isEqualTo("alice");
            assertThat(connection.dataDir).isEqualTo(Path.of("/tmp/gm"));
            assertThat(connection.verbose).isTrue();
        }
    }

    @Test
    void shouldTakeSomeOptionsBeforeAndOthersAfter() {
        ConnectionOptions connection = parsed("--namespace=bob", "-v", "serve", "--data-dir", "/tmp/gm");

        assertThat(connection.namespace).isEqualTo("bob");
        assertThat(connection.verbose).isTrue();
        assertThat(connection.dataDir).isEqualTo(Path.of("/tmp/gm"));
    }

    @Test
    void shouldLeaveWhatIsNotAConnectionOptionToTheParser() {
        CommandLine root = Main.commandLine();
        String[][] untouched = {
            {"--version"}, {"--nope", "serve"}, {"--namespace", "alice"}, {"--namespace", "alice", "tools"}, {"serve"}
        };
        for (String[] args : untouched) {
            assertThat(GlobalOptions.afterCommand(root, args)).containsExactly(args);
        }
        assertThat(Main.run("--namespace", "alice", "tools", "--no-such-option"))
                .isEqualTo(2);
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
