package dev.graphmemory.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/tools.md is generated from the catalogue; it fails here when someone edits one without the other. */
class ToolDocsTest {
    private static final Path DOC = Path.of("..", "docs", "tools.md");

    @Test
    void shouldMatchTheCatalogue() throws IOException {
        assertThat(Files.readString(DOC))
                .as("docs/tools.md is stale: regenerate it with ./graphmemory tools --markdown > docs/tools.md")
                .isEqualTo(ToolDocs.markdown());
    }

    @Test
    void shouldDescribeEveryToolAndArgument() {
        String doc = ToolDocs.markdown();
        for (Tool tool : ToolCatalogue.tools()) {
            assertThat(doc).contains("## " + tool.name());
            tool.params().forEach(param -> assertThat(doc).contains("`" + param.name() + "`"));
        }
    }
}
