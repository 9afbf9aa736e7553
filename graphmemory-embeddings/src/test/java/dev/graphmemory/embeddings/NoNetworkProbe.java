package dev.graphmemory.embeddings;

import dev.graphmemory.Embedder;
import dev.graphmemory.EmbedderProvider;
import dev.graphmemory.Embeddings;
import java.net.SocketPermission;
import java.security.Permission;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Run by {@link NoNetworkIT} in a JVM of its own: loads the built-in embedder the way a {@code GraphMemory} does and
 * embeds, under a security manager that refuses every socket (connect, resolve, listen). Prints what it did; exits 1
 * if anything tried the network or a library that would is on the class path.
 */
public final class NoNetworkProbe {
    private NoNetworkProbe() {}

    @SuppressWarnings("removal") // the security manager is the one in-process way to refuse every socket
    public static void main(String[] args) {
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission permission) {
                if (permission instanceof SocketPermission) {
                    throw new SecurityException("a network call: " + permission);
                }
            }
        });
        for (String networked : List.of(
                "ai.djl.huggingface.tokenizers.HuggingFaceTokenizer",
                "dev.langchain4j.model.embedding.EmbeddingModel")) {
            try {
                Class.forName(networked);
                System.out.println("on the class path: " + networked);
                System.exit(1);
            } catch (ClassNotFoundException expected) {
                // not there, as it should be
            }
        }
        EmbedderProvider provider =
                ServiceLoader.load(EmbedderProvider.class).iterator().next();
        try (Embedder embedder = provider.create(Embeddings.defaults())) {
            List<float[]> vectors = embedder.embedPassages(List.of("Bob moves to Berlin", "The budget review"));
            float[] query = embedder.embedQuery("who is relocating?");
            System.out.println("embedded " + (vectors.size() + 1) + " texts with " + embedder.model() + " in "
                    + query.length + " dimensions");
        }
        System.exit(0);
    }
}
