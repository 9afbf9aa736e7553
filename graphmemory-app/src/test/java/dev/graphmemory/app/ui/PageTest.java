package dev.graphmemory.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void shouldEscapeEveryCharacterThatEndsTextOrAnAttribute() {
        String payload = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&amp;";
        String html = new Page("title", "ns", false).text(payload).finish();
        assertThat(html)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x"
                        + " onerror=alert(1)&gt;&amp;amp;")
                .doesNotContain("<script>alert")
                .doesNotContain("<img");
    }

    @Test
    void shouldEncodeValuesInAddresses() {
        assertThat(Page.query("/", "q", "a b&c=d/é", "kind", null, "limit", 40))
                .isEqualTo("/?q=a%20b%26c%3Dd%2F%C3%A9&limit=40");
        assertThat(Page.path("/memory", "../x?y")).isEqualTo("/memory/..%2Fx%3Fy");
    }

    @Test
    void shouldSkipTheRowsWithTheLastValueAlreadyShown() {
        assertThat(ListPages.nextSkip(List.of(0.9, 0.7, 0.7), 2.0, 0)).isEqualTo(2);
        assertThat(ListPages.nextSkip(List.of(0.5, 0.5), 0.5, 4))
                .as("the page began at that value")
                .isEqualTo(6);
        assertThat(ListPages.nextSkip(List.of(0.7, 0.5), 0.7, 4)).isEqualTo(1);
    }

    @Test
    void shouldRouteEveryPageAndNothingElse() {
        assertThat(Routes.of("/").page()).isEqualTo(Routes.Kind.SEARCH);
        assertThat(Routes.of("/timeline").page()).isEqualTo(Routes.Kind.TIMELINE);
        assertThat(Routes.of("/memory/abc-1")).isEqualTo(new Routes.Route(Routes.Kind.MEMORY, "abc-1"));
        assertThat(Routes.of("/memory/abc-1/forget")).isEqualTo(new Routes.Route(Routes.Kind.CONFIRM_FORGET, "abc-1"));
        assertThat(Routes.of("/api/graph/abc-1")).isEqualTo(new Routes.Route(Routes.Kind.GRAPH, "abc-1"));
        for (String garbage : List.of(
                "/memory/",
                "/memory/a b",
                "/memory/<x>",
                "/memory//forget",
                "/memory/a/b",
                "/api/graph/",
                "/timeline/",
                "/x",
                "//",
                "/memory/" + "a".repeat(129))) {
            assertThatThrownBy(() -> Routes.of(garbage)).as(garbage).isInstanceOf(Routes.NotFound.class);
        }
    }
}
