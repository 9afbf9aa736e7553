package dev.graphmemory.embeddings.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where ONNX Runtime loads its native libraries from. By itself it copies them out of its jar into a new directory
 * under {@code java.io.tmpdir} at every start (16 MB, left behind), which fails where that file system is mounted
 * noexec. Before ONNX Runtime is first used, this extracts them once into a directory of graphmemory's
 * ({@value #DIRECTORY_PROPERTY}, else {@code ~/.graphmemory/native}), keyed by version and platform, and points ONNX
 * Runtime at it ({@value #ORT_PROPERTY}); a directory that cannot be written leaves ONNX Runtime to its own way.
 */
public final class OnnxNatives {
    /** ONNX Runtime's own setting: the directory holding its native libraries. */
    public static final String ORT_PROPERTY = "onnxruntime.native.path";
    /** graphmemory's setting: the directory native libraries are extracted into. */
    public static final String DIRECTORY_PROPERTY = "graphmemory.native.dir";

    private static final Logger LOG = LoggerFactory.getLogger(OnnxNatives.class);

    private OnnxNatives() {}

    /** Selects the directory of the native libraries, extracting them if needed; does nothing when one is set. */
    public static synchronized void prepare(String version) {
        if (System.getProperty(ORT_PROPERTY) != null) {
            return;
        }
        String base = System.getProperty(DIRECTORY_PROPERTY);
        Path root = base != null ? Path.of(base) : Path.of(System.getProperty("user.home"), ".graphmemory", "native");
        Path directory = root.resolve("onnxruntime-" + version).resolve(platform());
        try {
            extract(directory);
            System.setProperty(ORT_PROPERTY, directory.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not extract ONNX Runtime's native libraries to {}; it extracts them itself", directory, e);
        }
    }

    private static void extract(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String library : libraries()) {
            String resource = "/ai/onnxruntime/native/" + platform() + "/" + library;
            try (InputStream in = OnnxNatives.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("the ONNX Runtime jar has no " + resource);
                }
                byte[] bytes = in.readAllBytes();
                Path target = directory.resolve(library);
                if (!Files.exists(target) || Files.size(target) != bytes.length) {
                    Path part = Files.createTempFile(directory, library, ".part");
                    Files.write(part, bytes);
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
    }

    private static List<String> libraries() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("onnxruntime.dll", "onnxruntime4j_jni.dll");
        }
        String extension = os.contains("mac") ? "dylib" : "so";
        return List.of("libonnxruntime." + extension, "libonnxruntime4j_jni." + extension);
    }

    /** The platform folder inside the ONNX Runtime jar, e.g. {@code linux-x64}. */
    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch;
        String system = os.contains("win") ? "win" : os.contains("mac") ? "osx" : "linux";
        return system + "-" + cpu;
    }
}
