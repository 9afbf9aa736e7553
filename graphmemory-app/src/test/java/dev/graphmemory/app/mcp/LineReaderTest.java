package dev.graphmemory.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void shouldSplitLinesDropCarriageReturnsAndKeepALastLineWithoutNewline() throws IOException {
        LineReader reader = new LineReader(stream("one\r\ntwo\n\nthree"), 100);

        assertThat(text(reader.next())).isEqualTo("one");
        assertThat(text(reader.next())).isEqualTo("two");
        assertThat(reader.next().isBlank()).isTrue();
        assertThat(text(reader.next())).isEqualTo("three");
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void shouldSkipAnOversizedLineWithoutHoldingItAndReadOnAfterIt() throws IOException {
        long huge = 200L * 1024 * 1024; // far more than a reader may ever hold
        InputStream input = new InputStream() {
            long sent;
            final byte[] after = "\n{\"ok\":1}\n".getBytes(StandardCharsets.UTF_8);
            int tail;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent < huge) {
                    int n = (int) Math.min(length, huge - sent);
                    java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                    sent += n;
                    return n;
                }
                if (tail == after.length) {
                    return -1;
                }
                int n = Math.min(length, after.length - tail);
                System.arraycopy(after, tail, buffer, offset, n);
                tail += n;
                return n;
            }
        };
        LineReader reader = new LineReader(input, 1024);

        LineReader.Line skipped = reader.next();
        assertThat(skipped.oversized()).isTrue();
        assertThat(skipped.bytes().length).isLessThanOrEqualTo(8 * 1024); // never grew past the limit's buffer
        assertThat(text(reader.next())).isEqualTo("{\"ok\":1}");
        assertThat(reader.next()).isNull();
    }

    @Test
    void shouldReportAnOversizedLastLineAndALineOfExactlyTheLimit() throws IOException {
        LineReader reader = new LineReader(stream("abcd\nabcde"), 4);

        assertThat(text(reader.next())).isEqualTo("abcd");
        assertThat(reader.next().oversized()).isTrue();
        assertThat(reader.next()).isNull();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(LineReader.Line line) {
        assertThat(line.oversized()).isFalse();
        return new String(line.bytes(), 0, line.length(), StandardCharsets.UTF_8);
    }
}
