package dev.graphmemory.app;

import dev.graphmemory.app.mcp.StdioMcpServer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The longest MCP message {@code graphmemory serve} reads ({@code --max-message-size},
 * {@code GRAPHMEMORY_MAX_MESSAGE_SIZE}): a line over stdio, a request body over HTTP. Written as bytes or with a binary
 * unit: {@code 65536}, {@code 512KiB}, {@code 4MiB} ({@code K}, {@code KB}, {@code M}, {@code MB} mean the same).
 */
final class MessageSize {
    /** The smallest limit: an initialize request must fit. */
    static final int MIN = 1024;
    /** The largest limit: a message is held in memory whole before it is parsed. */
    static final int MAX = 256 * 1024 * 1024;

    private static final Pattern SIZE =
            Pattern.compile("(\\d{1,12})\\s*(b|k|kb|kib|m|mb|mib)?", Pattern.CASE_INSENSITIVE);

    private MessageSize() {}

    /** The limit in bytes; {@code null} or blank gives the default, 4 MiB. */
    static int parse(String text) {
        if (text == null || text.isBlank()) {
            return StdioMcpServer.DEFAULT_MAX_MESSAGE_BYTES;
        }
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "--max-message-size must be a size such as 4MiB, 512KiB or 65536 (bytes); was '" + text + "'");
        }
        long bytes = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("k")) {
            bytes *= 1024;
        } else if (unit.startsWith("m")) {
            bytes *= 1024 * 1024;
        }
        if (bytes < MIN || bytes > MAX) {
            throw new IllegalArgumentException(
                    "--max-message-size must be between 1KiB and 256MiB; was '" + text + "'");
        }
        return (int) bytes;
    }
}
