package dev.graphmemory.app.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw HTTP requests to the MCP endpoint, with whatever headers and body a test wants. */
final class HttpClientProbe {
    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"probe\",\"version\":\"1\"}}}";

    private final URI endpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpClientProbe(URI endpoint) {
        this.endpoint = endpoint;
    }

    URI endpoint() {
        return endpoint;
    }

    /** The JSON and event-stream headers a well-behaved client sends, plus {@code extra}. */
    static Map<String, String> headers(String... extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            if (extra[i + 1] == null) {
                headers.remove(extra[i]);
            } else {
                headers.put(extra[i], extra[i + 1]);
            }
        }
        return headers;
    }

    HttpResponse<String> post(byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
        return send("POST", HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    HttpResponse<String> post(String body, Map<String, String> headers) throws IOException, InterruptedException {
        return post(body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<String> send(String method, HttpRequest.BodyPublisher body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60)).method(method, body);
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Initializes a session and returns its id. */
    String session() throws IOException, InterruptedException {
        HttpResponse<String> init = post(INITIALIZE, headers());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", headers("Mcp-Session-Id", session));
        return session;
    }

    /** Whether a ping in this session is answered. */
    boolean answersPing(String session) throws IOException, InterruptedException {
        HttpResponse<String> pong =
                post("{\"jsonrpc\":\"2.0\",\"id\":\"ping\",\"method\":\"ping\"}", headers("Mcp-Session-Id", session));
        return pong.statusCode() == 200 && pong.body().contains("\"id\":\"ping\",\"result\":{}");
    }

    /** A request written on a socket, for headers the HTTP client will not send (such as a foreign Host). */
    String raw(String requestText) throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestText.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
