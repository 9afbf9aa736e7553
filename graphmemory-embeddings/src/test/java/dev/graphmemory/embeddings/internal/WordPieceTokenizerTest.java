package dev.graphmemory.embeddings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tokenizer splits as BERT's uncased WordPiece does (examples from BERT's own documentation and its rules). */
class WordPieceTokenizerTest {
    private static WordPieceTokenizer tokenizer;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream json = WordPieceTokenizerTest.class.getResourceAsStream("/e5-small-v2-q-tokenizer.json")) {
            tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
        }
    }

    @Test
    void shouldLowerCaseAndSplitPunctuation() {
        assertThat(tokenizer.tokenize("Hello, World!")).containsExactly("hello", ",", "world", "!");
    }

    @Test
    void shouldSplitUnknownWordsIntoPieces() {
        assertThat(tokenizer.tokenize("unaffable")).containsExactly("una", "##ffa", "##ble");
    }

    @Test
    void shouldStripAccentsSplitIdeographsAndDropControlCharacters() {
        assertThat(tokenizer.tokenize("Café")).containsExactly("cafe");
        assertThat(tokenizer.tokenize("你好")).as("one piece per ideograph").hasSize(2);
        assertThat(tokenizer.tokenize("a\u0000b\u200Bc")).containsExactly("abc");
    }

    @Test
    void shouldKeepSpecialTokensWrittenInTheText() {
        assertThat(tokenizer.tokenize("one [SEP] two")).containsExactly("one", "[SEP]", "two");
    }

    @Test
    void shouldMarkContinuationPiecesAndFrameSequences() {
        int[] ids = tokenizer.encode("unaffable");
        assertThat(ids).hasSize(5);
        assertThat(ids[0]).isEqualTo(tokenizer.clsId());
        assertThat(ids[4]).isEqualTo(tokenizer.sepId());
        assertThat(tokenizer.isContinuation(ids[1])).isFalse();
        assertThat(tokenizer.isContinuation(ids[2])).isTrue();
    }
}
