package dev.graphmemory.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Documentation shows only code that is compiled and run: every {@code <!-- snippet: name -->} block in README.md and
 * docs/*.md must equal the {@code tag::name[]} regions of a test source, so examples cannot drift from the API.
 */
class DocSnippetsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern BLOCK =
            Pattern.compile("<!-- snippet: ([\\w-]+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("//\\s*(tag|end)::([\\w-]+)\\[]");

    @Test
    void shouldShowExactlyTheCompiledExamples() throws IOException {
        Map<String, String> regions = regions();
        List<Path> documents = documents();
        int checked = 0;
        for (Path document : documents) {
            Matcher block = BLOCK.matcher(Files.readString(document));
            while (block.find()) {
                String name = block.group(1);
                assertThat(regions)
                        .as("snippet '%s' of %s has a tagged region in a test", name, document)
                        .containsKey(name);
                assertThat(block.group(2).strip())
                        .as("snippet '%s' of %s", name, ROOT.relativize(document))
                        .isEqualTo(regions.get(name).strip());
                checked++;
            }
        }
        assertThat(checked).as("snippets found in %s", documents).isPositive();
    }

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.list(docs)) {
                files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
            }
        }
        return documents;
    }

    private static Map<String, String> regions() throws IOException {
        Map<String, String> regions = new HashMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(file -> file.toString().contains("/src/test/java/")
                            && file.toString().endsWith(".java"))
                    .forEach(file -> collect(file, regions));
        }
        return regions;
    }

    private static void collect(Path file, Map<String, String> regions) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> open = new HashMap<>();
        Map<String, Integer> indent = new HashMap<>();
        Map<String, List<String>> done = new HashMap<>();
        for (String line : lines) {
            Matcher tag = TAG.matcher(line);
            if (tag.find()) {
                String name = tag.group(2);
                if (tag.group(1).equals("tag")) {
                    open.put(name, done.getOrDefault(name, new ArrayList<>()));
                    indent.putIfAbsent(name, line.indexOf("//"));
                } else {
                    done.put(name, open.remove(name));
                }
                continue;
            }
            open.forEach((name, collected) -> collected.add(dedent(line, indent.get(name))));
        }
        done.forEach((name, collected) -> regions.put(name, String.join("\n", collected)));
    }

    private static String dedent(String line, int columns) {
        int strip = 0;
        while (strip < columns && strip < line.length() && line.charAt(strip) == ' ') {
            strip++;
        }
        return line.substring(strip);
    }
}
