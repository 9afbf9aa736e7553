package dev.graphmemory.app.ui;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.exceptions.InvalidInputException;
import dev.graphmemory.exceptions.MemoryException;
import dev.graphmemory.exceptions.NotFoundException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web inspector, as one servlet mapped at {@code /}: the pages, the graph's JSON, the assets, and forgetting one
 * memory. It reads the namespace of the memory it is given, one namespace per process.
 *
 * <p>It checks who may read ({@code BrowserAccess}: the bearer token, or the cookie a browser gets for it) but not the
 * {@code Host} and {@code Origin} headers: the server that mounts it does ({@link InspectorServer}, or the MCP
 * server's guard). Every answer forbids framing, sniffing, other origins' scripts and referrers to other sites; an unknown page or id
 * is a 404 page, bad input a 400 page naming the problem, and a failure a page without the server's insides.
 */
public final class Inspector extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Inspector.class);

    /**
     * The one style sheet Cytoscape.js writes into the page itself (its container's position); the policy allows
     * exactly this text by its hash.
     */
    static final String CYTOSCAPE_STYLE = ".__________cytoscape_container { position: relative; }";

    /**
     * No script, style, image or connection but this server's own (and Cytoscape.js's one style sheet, by its hash); no
     * framing, no plugins, no foreign forms.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' '"
            + sha256(CYTOSCAPE_STYLE) + "'; img-src 'self' data:; connect-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final transient Supplier<GraphMemory> memory;
    private final transient BrowserAccess access;
    private final transient Assets assets = new Assets();

    /**
     * The inspector of a memory.
     *
     * @param memory the memory, when it is ready: it may block until the database has started, or throw if it could
     *     not start (the page then says so)
     * @param token the bearer token requests must show (a browser shows it once, for a cookie), or {@code null} for
     *     none (only on loopback); never blank
     */
    public Inspector(Supplier<GraphMemory> memory, String token) {
        this.memory = memory;
        this.access = new BrowserAccess(token);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // Not no-referrer: with it a browser sends "Origin: null" with the page's own form, which the write check
        // refuses.
        response.setHeader("Referrer-Policy", "same-origin");
        String method = request.getMethod();
        switch (access.admit(request, response)) {
            case REDIRECTED -> {
                return;
            }
            case REFUSED -> {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"graphmemory\"");
                send(response, 401, Pages.problem("Unauthorized", "", Pages.UNAUTHORIZED));
                return;
            }
            case ADMITTED -> {}
        }
        String path = request.getRequestURI();
        try {
            if (method.equals("GET") || method.equals("HEAD")) {
                if (!assets.send(path, response)) {
                    get(path, request, response);
                }
            } else if (method.equals("POST") && Routes.isForget(path)) {
                forget(request, response, Routes.memoryId(path));
            } else {
                response.setHeader("Allow", Routes.isForget(path) ? "GET, HEAD, POST" : "GET, HEAD");
                send(
                        response,
                        405,
                        Pages.problem(
                                "Method not allowed", "", "This address answers " + response.getHeader("Allow") + "."));
            }
        } catch (Routes.NotFound | NotFoundException e) {
            send(
                    response,
                    404,
                    Pages.problem("Not found", namespaceOrEmpty(), "There is no such page or memory here."));
        } catch (InvalidInputException | Routes.BadRequest e) {
            send(response, 400, Pages.problem("Bad request", namespaceOrEmpty(), e.getMessage()));
        } catch (Unavailable e) {
            send(response, 503, Pages.problem("The memory is not available", "", e.getMessage()));
        } catch (MemoryException e) {
            LOG.warn("{} {} failed: {}", method, path, e.toString());
            send(response, 503, Pages.problem("The memory did not answer", "", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed: {}", method, path, e.toString());
            LOG.debug("The failure", e);
            send(response, 500, Pages.problem("Internal error", "", "The page could not be made; see the log."));
        }
    }

    private void get(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Routes.Route route = Routes.of(path);
        GraphMemory memory = memory();
        switch (route.page()) {
            case SEARCH -> send(response, 200, ListPages.search(memory, new Query(request)));
            case TIMELINE -> send(response, 200, ListPages.timeline(memory, new Query(request)));
            case COMMITMENTS -> send(response, 200, ListPages.commitments(memory, new Query(request)));
            case PATTERNS -> send(response, 200, ListPages.patterns(memory, new Query(request)));
            case MEMORY -> send(response, 200, MemoryPages.memory(memory, route.id(), new Query(request)));
            case CONFIRM_FORGET ->
                send(response, 200, MemoryPages.confirmForget(memory, route.id(), access.csrfToken()));
            case FORGOTTEN -> send(response, 200, MemoryPages.forgotten(memory, new Query(request)));
            case GRAPH -> {
                byte[] json = MemoryPages.graph(memory, route.id()).getBytes(StandardCharsets.UTF_8);
                response.setContentType("application/json");
                response.setHeader("Cache-Control", "no-store");
                response.setContentLength(json.length);
                response.getOutputStream().write(json);
            }
        }
    }

    private void forget(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        String refusal = access.refusesWrite(request);
        if (refusal != null) {
            LOG.warn("Refused to forget a memory: {}", refusal);
            send(response, 403, Pages.problem("Forbidden", "", "Nothing was forgotten: " + refusal + "."));
            return;
        }
        response.setStatus(303); // after a POST, the answer is a page to GET: reloading it forgets nothing again
        response.setHeader("Location", MemoryPages.forget(memory(), id));
    }

    /** The memory; {@link Unavailable} if its database could not start. */
    private GraphMemory memory() {
        try {
            return memory.get();
        } catch (MemoryException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debug("The memory is not available", e);
            throw new Unavailable(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The database under the memory did not start: every page says so, with why. */
    private static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private String namespaceOrEmpty() {
        try {
            return memory.get().namespace();
        } catch (RuntimeException notReady) {
            return "";
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static void send(HttpServletResponse response, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
