package dev.graphmemory.app.ui;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The files the pages load, all from the class path: this package's style sheet and script, and Cytoscape.js from its
 * WebJar ({@code org.webjars.npm:cytoscape}, whose version is read from the WebJar itself). They are read once and
 * kept: together about 450 KB. Nothing is loaded from the internet, so the inspector works offline.
 */
final class Assets {
    static final String STYLE = "/assets/inspector.css";
    static final String SCRIPT = "/assets/inspector.js";
    static final String CYTOSCAPE = "/assets/cytoscape.min.js";

    private record Asset(byte[] bytes, String type) {}

    private final Map<String, Asset> assets;

    Assets() {
        String own = "/dev/graphmemory/app/ui/";
        String cytoscape =
                "/META-INF/resources/webjars/cytoscape/" + webJarVersion("cytoscape") + "/dist/cytoscape.min.js";
        assets = Map.of(
                STYLE, new Asset(read(own + "inspector.css"), "text/css; charset=utf-8"),
                SCRIPT, new Asset(read(own + "inspector.js"), "text/javascript; charset=utf-8"),
                CYTOSCAPE, new Asset(read(cytoscape), "text/javascript; charset=utf-8"));
    }

    /** Sends the asset at {@code path}; {@code false} if there is none. */
    boolean send(String path, HttpServletResponse response) throws IOException {
        Asset asset = assets.get(path);
        if (asset == null) {
            return false;
        }
        response.setContentType(asset.type());
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.setContentLength(asset.bytes().length);
        response.getOutputStream().write(asset.bytes());
        return true;
    }

    private static String webJarVersion(String name) {
        Properties properties = new Properties();
        String path = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The WebJar " + name + " is not on the class path (" + path + ")");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String path) {
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The inspector's asset " + path + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
