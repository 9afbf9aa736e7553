package dev.graphmemory.app.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited messages from a stream, at most {@code maxBytes} bytes each. A longer line is not kept: its
 * bytes are skipped as they arrive, up to the next newline, and reported as {@link Line#oversized()}, so that a
 * client that sends a gigabyte without a newline costs no more memory than the limit.
 */
final class LineReader {
    private static final int CHUNK = 64 * 1024;
    /** A line buffer larger than this is given back after its line, so that one big message does not stay resident. */
    private static final int KEEP = 256 * 1024;

    private final InputStream in;
    private final int maxBytes;
    private final byte[] chunk = new byte[CHUNK];
    private int position;
    private int limit;
    private byte[] line = new byte[8 * 1024];
    private boolean ended;

    /**
     * One line.
     *
     * @param bytes the line without its newline (and without a carriage return before it); valid up to
     *     {@code length}, and only until the next call to {@link #next()}
     * @param length the number of bytes in the line, or how many were skipped when it was oversized
     * @param oversized whether the line was longer than the limit and therefore dropped
     */
    record Line(byte[] bytes, int length, boolean oversized) {
        boolean isBlank() {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    LineReader(InputStream in, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or {@code null} at the end of the stream. A last line without a newline counts. */
    Line next() throws IOException {
        if (line.length > KEEP) {
            line = new byte[8 * 1024];
        }
        int length = 0;
        long skipped = 0;
        boolean oversized = false;
        while (true) {
            if (position == limit) {
                if (ended || !fill()) {
                    ended = true;
                    if (oversized) {
                        return new Line(line, (int) Math.min(Integer.MAX_VALUE, skipped), true);
                    }
                    return length == 0 ? null : new Line(line, trimCarriageReturn(length), false);
                }
            }
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline;
            int count = end - position;
            if (!oversized && length + (long) count > maxBytes) {
                oversized = true;
                skipped = length;
                length = 0;
            }
            if (oversized) {
                skipped += count;
            } else {
                ensureCapacity(length + count);
                System.arraycopy(chunk, position, line, length, count);
                length += count;
            }
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                return oversized
                        ? new Line(line, (int) Math.min(Integer.MAX_VALUE, skipped), true)
                        : new Line(line, trimCarriageReturn(length), false);
            }
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(chunk, 0, chunk.length);
        while (read == 0) {
            read = in.read(chunk, 0, chunk.length);
        }
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int trimCarriageReturn(int length) {
        return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxBytes, Math.max(needed, 2L * line.length)));
        }
    }
}
