package dev.graphmemory.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryConfig;
import dev.graphmemory.app.mcp.HttpMcpServer;
import dev.graphmemory.app.tools.ToolCalls;
import dev.graphmemory.app.ui.Inspector;
import dev.graphmemory.app.ui.InspectorServer;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchQuery;
import dev.graphmemory.testing.Neo4jTest;
import dev.graphmemory.testing.SharedNeo4j;
import dev.graphmemory.testing.TestNamespace;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web inspector in a real browser (headless Chromium) against a real server on the embedded Neo4j: every page
 * loads without console errors, search finds a memory, the entity graph draws its nodes and opens one on a click,
 * forgetting asks first, stored scripts stay text, foreign pages and requests without the token are refused, and
 * {@code graphmemory ui} prints an address that opens it.
 * With {@code -Dinspector.screenshots=DIR} the main pages' screenshots are saved there (the README's come from
 * {@code docs/images}); else under {@code target/}.
 */
@Neo4jTest
class InspectorIT {
    private static final String TOKEN = "inspector-test-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldShowEveryPageWithoutConsoleErrors(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                InspectorServer server = InspectorServer.start(() -> memory, 0, TOKEN)) {
            Demo.Day day = Demo.recordDay(memory);
            String base = server.uri().toString();
            Path shots = Path.of(System.getProperty("inspector.screenshots", "target/inspector-screenshots"));
            browser.open(base + "?token=" + TOKEN);
            assertThat(browser.driver.getCurrentUrl())
                    .as("the token leaves the address")
                    .isEqualTo(base);
            Map<String, String> pages = Map.of(
                    "search",
                    "?q=" + enc("Acme pilot proposal"),
                    "timeline",
                    "timeline",
                    "commitments",
                    "commitments",
                    "overdue",
                    "commitments?overdue=1",
                    "patterns",
                    "patterns",
                    "entity",
                    "memory/" + day.client().id(),
                    "decision",
                    "memory/" + day.decision().id(),
                    "forget",
                    "memory/" + day.commitments().get(0).id() + "/forget");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.open(base + page.getValue());
                assertThat(browser.driver.getTitle()).as(page.getKey()).endsWith("· graphmemory");
                if (!browser.driver.findElements(By.id("graph")).isEmpty()) {
                    browser.await("the graph is drawn", () -> graphNodes() > 0);
                }
                assertThat(browser.consoleErrors()).as(page.getKey()).isEmpty();
                if (List.of("search", "timeline", "entity", "commitments", "patterns")
                        .contains(page.getKey())) {
                    browser.screenshot(shots, "inspector-" + page.getKey());
                }
            }
        }
    }

    @Test
    void shouldFindAStoredMemoryAndSayWhy(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                InspectorServer server = InspectorServer.start(() -> memory, 0, TOKEN)) {
            Commitment kept = memory.createCommitment(NewCommitment.of("Water the office ficus every Tuesday"));
            browser.open(server.uri() + "?token=" + TOKEN);
            WebElement box = browser.driver.findElement(By.name("q"));
            box.sendKeys("ficus");
            box.submit();
            browser.await(
                    "results show",
                    () -> !browser.driver
                            .findElements(By.cssSelector("ol.hits > li"))
                            .isEmpty());
            WebElement hit = browser.driver.findElement(By.cssSelector("ol.hits > li"));
            assertThat(hit.findElement(By.cssSelector("a")).getText()).isEqualTo(kept.content());
            assertThat(hit.findElements(By.cssSelector("ul.why > li"))).isNotEmpty();
            hit.findElement(By.cssSelector("a")).click();
            browser.await(
                    "the memory opens", () -> browser.driver.getCurrentUrl().endsWith("/memory/" + kept.id()));
            assertThat(browser.driver
                            .findElement(By.cssSelector("table.properties"))
                            .getText())
                    .contains(kept.content());
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void shouldDrawTheEntityGraphAndOpenAMemoryOnAClick(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                InspectorServer server = InspectorServer.start(() -> memory, 0, TOKEN)) {
            Demo.Day day = Demo.recordDay(memory);
            browser.open(server.uri() + "?token=" + TOKEN);
            browser.open(server.uri() + "memory/" + day.client().id());
            // Acme: the decision, the proposal and the meetings pattern link to it.
            browser.await("the graph is drawn", () -> graphNodes() == 4);
            String proposal = day.commitments().get(0).id();
            @SuppressWarnings("unchecked")
            Map<String, Object> at = (Map<String, Object>) browser.script(
                    "var p = window.inspectorGraph.getElementById(arguments[0]).renderedPosition();"
                            + " return {x: p.x, y: p.y};",
                    proposal);
            WebElement graph = browser.driver.findElement(By.id("graph"));
            int x = (int) Math.round(
                    ((Number) at.get("x")).doubleValue() - graph.getRect().getWidth() / 2.0);
            int y = (int) Math.round(
                    ((Number) at.get("y")).doubleValue() - graph.getRect().getHeight() / 2.0);
            new Actions(browser.driver).moveToElement(graph, x, y).click().perform();
            browser.await(
                    "the clicked memory opens",
                    () -> browser.driver.getCurrentUrl().endsWith("/memory/" + proposal));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void shouldForgetOnlyAfterAskingFirst(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                InspectorServer server = InspectorServer.start(() -> memory, 0, TOKEN)) {
            Commitment doomed = memory.createCommitment(NewCommitment.of("Book the quarterly offsite venue"));
            browser.open(server.uri() + "?token=" + TOKEN);
            browser.open(server.uri() + "memory/" + doomed.id());
            browser.driver.findElement(By.id("forget")).click();
            browser.await("the question shows", () -> browser.driver.getTitle().startsWith("Forget this memory?"));
            assertThat(found(memory, "offsite venue"))
                    .as("asking forgets nothing")
                    .isTrue();
            browser.driver.findElement(By.id("confirm-forget")).click();
            browser.await("the answer shows", () -> browser.driver.getTitle().startsWith("Forgotten"));
            assertThat(browser.driver.findElement(By.cssSelector("p.done")).getText())
                    .contains("1 memory");
            assertThat(found(memory, "offsite venue")).isFalse();
            browser.open(server.uri() + "memory/" + doomed.id());
            assertThat(browser.driver.getTitle()).startsWith("Not found");
            browser.consoleErrors(); // the 404 of the page above is logged: not an error of the inspector
        }
    }

    @Test
    void shouldShowStoredScriptsAsText(Driver driver, TestNamespace namespace) throws Exception {
        String payload = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">\"'><b>bold</b>";
        try (GraphMemory memory = memory(driver, namespace);
                InspectorServer server = InspectorServer.start(() -> memory, 0, TOKEN)) {
            var entity = memory.createEntity(NewEntity.of("Mallory " + payload, EntityType.PERSON));
            Commitment hostile = memory.createCommitment(NewCommitment.of("xss probe " + payload));
            memory.linkNodes(NewLink.of(hostile.id(), RelationshipType.INVOLVES, entity.id()));
            browser.open(server.uri() + "?token=" + TOKEN);
            for (String page : List.of(
                    "?q=" + enc("xss probe"),
                    "memory/" + hostile.id(),
                    "memory/" + entity.id(),
                    "timeline",
                    "commitments")) {
                browser.open(server.uri() + page);
                if (!browser.driver.findElements(By.id("graph")).isEmpty()) {
                    browser.await("the graph is drawn", () -> graphNodes() == 2);
                }
                assertThat(browser.script("return window.pwned")).as(page).isNull();
                assertThat(browser.driver.findElements(By.xpath("//b[text()='bold'] | //img")))
                        .as(page)
                        .isEmpty();
                assertThat(browser.driver.findElement(By.tagName("main")).getText())
                        .as(page)
                        .contains("<script>");
                assertThat(browser.consoleErrors()).as(page).isEmpty();
            }
        }
    }

    @Test
    void shouldRefuseAForeignPageAndAMissingToken(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                InspectorServer server = InspectorServer.start(() -> memory, 0, TOKEN)) {
            Commitment kept = memory.createCommitment(NewCommitment.of("Renew the parking permit"));
            String forget = server.uri() + "memory/" + kept.id() + "/forget";
            // A page of another origin (the same host, another port: same site, so the cookie goes along) posts the
            // form.
            HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            attacker.createContext("/", exchange -> {
                byte[] page = ("<!doctype html><form method=post action=\"" + forget + "\">"
                                + "<input name=csrf value=guess></form><script>document.forms[0].submit()</script>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            attacker.start();
            try {
                browser.open(server.uri() + "?token=" + TOKEN);
                browser.open("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
                browser.await(
                        "the form was posted",
                        () -> browser.driver.getCurrentUrl().startsWith(forget));
                assertThat(browser.driver.getTitle()).startsWith("Forbidden");
                assertThat(found(memory, "parking permit")).isTrue();
                browser.consoleErrors();
            } finally {
                attacker.stop(0);
            }
            browser.driver.manage().deleteAllCookies();
            browser.open(server.uri().toString());
            assertThat(browser.driver.getTitle()).startsWith("Unauthorized");
            browser.consoleErrors();

            assertThat(get(server.uri().resolve("/"), Map.of()).statusCode()).isEqualTo(401);
            assertThat(get(server.uri().resolve("/?token=wrong"), Map.of()).statusCode())
                    .isEqualTo(401);
            assertThat(get(server.uri().resolve("/"), Map.of("Cookie", "graphmemory_inspector=forged"))
                            .statusCode())
                    .isEqualTo(401);
            HttpResponse<String> exchange = get(server.uri().resolve("/patterns?token=" + TOKEN), Map.of());
            assertThat(exchange.statusCode()).isEqualTo(303);
            assertThat(exchange.headers().firstValue("Location")).hasValue("/patterns");
            String cookie = exchange.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain(TOKEN);
            Map<String, String> session = Map.of("Cookie", cookie.substring(0, cookie.indexOf(';')));
            assertThat(get(server.uri().resolve("/patterns"), session).statusCode())
                    .isEqualTo(200);
            assertThat(get(server.uri().resolve("/patterns"), Map.of("Authorization", "Bearer " + TOKEN))
                            .statusCode())
                    .isEqualTo(200);

            String csrf = csrfOf(get(URI.create(forget), session).body());
            String own = "http://127.0.0.1:" + server.uri().getPort();
            assertThat(post(forget, session, own, "wrong").statusCode())
                    .as("a wrong CSRF token")
                    .isEqualTo(403);
            assertThat(post(forget, session, null, csrf).statusCode())
                    .as("no Origin")
                    .isEqualTo(403);
            assertThat(post(forget, session, "http://evil.example", csrf).statusCode())
                    .isEqualTo(403);
            assertThat(post(forget, Map.of(), own, csrf).statusCode())
                    .as("no cookie")
                    .isEqualTo(401);
            assertThat(found(memory, "parking permit")).isTrue();
            assertThat(rawGet(server.uri(), "evil.example:" + server.uri().getPort()))
                    .startsWith("HTTP/1.1 403");
            assertThat(post(forget, session, own, csrf).statusCode()).isEqualTo(303);
            assertThat(found(memory, "parking permit")).isFalse();
        }
    }

    @Test
    void shouldAnswerGarbageWithAPageNotAStackTrace(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                InspectorServer server = InspectorServer.start(() -> memory, 0, TOKEN)) {
            Map<String, String> auth = Map.of("Authorization", "Bearer " + TOKEN);
            Map<String, Integer> expected = Map.ofEntries(
                    Map.entry("/memory/no-such-memory", 404),
                    Map.entry("/memory/%3Cscript%3Ealert(1)", 404),
                    Map.entry("/memory/no-such-memory/forget", 404),
                    Map.entry("/api/graph/no-such-memory", 404),
                    Map.entry("/nothing-here", 404),
                    Map.entry("/timeline?before=yesterday", 400),
                    Map.entry("/timeline?skip=-1", 400),
                    Map.entry("/patterns?below=lots", 400),
                    Map.entry("/patterns?skip=-3", 400),
                    Map.entry("/commitments?before=2026-01-01T00:00:00Z&skip=x", 400),
                    Map.entry("/?q=%21%21%21", 400),
                    Map.entry("/?q=ficus&limit=100000", 400),
                    Map.entry("/?q=ficus&mode=telepathy", 400),
                    Map.entry("/?q=ficus&kind=energy_state", 400),
                    Map.entry("/?q=" + "x".repeat(1_001), 400));
            for (Map.Entry<String, Integer> each : expected.entrySet()) {
                HttpResponse<String> response = get(server.uri().resolve(each.getKey()), auth);
                assertThat(response.statusCode()).as(each.getKey()).isEqualTo(each.getValue());
                assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
                assertThat(response.body())
                        .as(each.getKey())
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ")
                        .doesNotContain("<script>");
            }
            HttpResponse<String> put = HTTP.send(
                    HttpRequest.newBuilder(server.uri())
                            .header("Authorization", "Bearer " + TOKEN)
                            .PUT(HttpRequest.BodyPublishers.ofString("x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(405);
        }
        try (InspectorServer failed = InspectorServer.start(
                () -> {
                    throw new IllegalStateException("The embedded database did not start: no space left on device");
                },
                0,
                TOKEN)) {
            HttpResponse<String> page =
                    get(failed.uri().resolve("/timeline"), Map.of("Authorization", "Bearer " + TOKEN));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("no space left on device").doesNotContain("IllegalStateException");
        }
    }

    @Test
    void shouldServeTheInspectorBesideMcpBehindTheSameToken(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                HttpMcpServer server = HttpMcpServer.start(
                        new ToolCalls(memory),
                        "test",
                        "127.0.0.1",
                        0,
                        TOKEN,
                        List.of(),
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                        64 * 1024,
                        new Inspector(() -> memory, TOKEN))) {
            Demo.recordDay(memory);
            URI root = server.uri().resolve("/");
            assertThat(get(root, Map.of()).statusCode()).isEqualTo(401);
            assertThat(get(root, Map.of()).body()).contains("<!doctype html>");
            HttpResponse<String> exchange = get(root.resolve("/?token=" + TOKEN), Map.of());
            assertThat(exchange.statusCode()).isEqualTo(303);
            String cookie = exchange.headers().firstValue("Set-Cookie").orElseThrow();
            Map<String, String> session = Map.of("Cookie", cookie.substring(0, cookie.indexOf(';')));
            assertThat(get(root.resolve("/timeline"), session).statusCode()).isEqualTo(200);
            HttpResponse<String> mcp = HTTP.send(
                    HttpRequest.newBuilder(server.uri())
                            .header("Cookie", session.get("Cookie"))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, text/event-stream")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(mcp.statusCode())
                    .as("the cookie is for the pages, not for /mcp")
                    .isEqualTo(401);
            assertThat(mcp.body()).contains("\"code\":-32600");
            assertThat(get(
                                    root.resolve("/timeline"),
                                    Map.of("Origin", "http://evil.example", "Cookie", session.get("Cookie")))
                            .statusCode())
                    .isEqualTo(403);

            browser.open(root + "?token=" + TOKEN);
            browser.open(root + "?q=" + enc("phased rollout"));
            browser.await(
                    "results show",
                    () -> !browser.driver
                            .findElements(By.cssSelector("ol.hits > li"))
                            .isEmpty());
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    void shouldListAKindItDoesNotKnowFromTheEntitysLinks(Driver driver, TestNamespace namespace) throws Exception {
        try (GraphMemory memory = memory(driver, namespace);
                InspectorServer server = InspectorServer.start(() -> memory, 0, TOKEN)) {
            var acme = memory.createEntity(NewEntity.of("Acme Corp", EntityType.CLIENT));
            // A memory of a kind this build does not know (as a newer library's facts would be), linked to the entity.
            try (var session = driver.session()) {
                session.run(
                                "MATCH (e:Entity {namespace: $ns, id: $entity})"
                                        + " CREATE (f:Memory:Fact {namespace: $ns, id: 'fact-1', createdAt: datetime(),"
                                        + " content: 'Acme renewed its contract for 2027'})-[:ABOUT]->(e)",
                                Map.of("ns", namespace.value(), "entity", acme.id()))
                        .consume();
            }
            Map<String, String> auth = Map.of("Authorization", "Bearer " + TOKEN);
            HttpResponse<String> entity = get(server.uri().resolve("/memory/" + acme.id()), auth);
            assertThat(entity.statusCode()).isEqualTo(200);
            assertThat(entity.body())
                    .contains("<h2 class=\"other-kind\">Fact</h2>")
                    .contains("Acme renewed its contract for 2027")
                    .contains("ABOUT");
            HttpResponse<String> fact = get(server.uri().resolve("/memory/fact-1"), auth);
            assertThat(fact.statusCode()).isEqualTo(200);
            assertThat(fact.body()).contains("<title>Fact: Acme renewed its contract for 2027 · graphmemory</title>");
            assertThat(get(server.uri().resolve("/api/graph/" + acme.id()), auth)
                            .body())
                    .contains("\"kind\":\"Fact\"");
        }
    }

    @Test
    void shouldStartFromTheCommandAndPrintItsAddress(SharedNeo4j neo4j, TestNamespace namespace) throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        Path.of("target", "graphmemory.jar").toString(),
                        "ui",
                        "--uri",
                        neo4j.server().boltUri().toString(),
                        "--namespace",
                        namespace.value())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line)
                    .startsWith("graphmemory inspector (namespace " + namespace.value() + "): ")
                    .matches(".*: http://127\\.0\\.0\\.1:\\d+/\\?token=[0-9a-f]{48}");
            URI address = URI.create(line.substring(line.indexOf("http://")));
            assertThat(get(address.resolve("/"), Map.of()).statusCode()).isEqualTo(401);
            HttpResponse<String> exchange = get(address, Map.of());
            assertThat(exchange.statusCode()).isEqualTo(303);
            String cookie = exchange.headers().firstValue("Set-Cookie").orElseThrow();
            HttpResponse<String> page =
                    get(address.resolve("/patterns"), Map.of("Cookie", cookie.substring(0, cookie.indexOf(';'))));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(namespace.value());
        } finally {
            process.destroy(); // SIGTERM: the shutdown hook stops the server and the memory
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static long graphNodes() {
        Object nodes = browser.script("var g = document.getElementById('graph'); return g && g.dataset.nodes;");
        return nodes == null ? 0 : Long.parseLong(nodes.toString());
    }

    private static boolean found(GraphMemory memory, String words) {
        return !memory.searchMemory(SearchQuery.of(words).mode(SearchQuery.Mode.WORDS))
                .hits()
                .isEmpty();
    }

    private static String csrfOf(String page) {
        String marker = "name=\"csrf\" value=\"";
        int start = page.indexOf(marker) + marker.length();
        return page.substring(start, page.indexOf('"', start));
    }

    /** A GET with any Host header (Java's client will not send one of its own choosing): the answer's text. */
    private static String rawGet(URI uri, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream()
                    .write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + TOKEN
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> get(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String uri, Map<String, String> headers, String origin, String csrf)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(csrf)));
        headers.forEach(request::header);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static GraphMemory memory(Driver driver, TestNamespace namespace) {
        return GraphMemory.open(
                driver, MemoryConfig.builder().namespace(namespace.value()).build());
    }
}
