package dev.graphmemory.bench.recall;

import dev.graphmemory.model.SearchQuery.Mode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Evidence recall@k of each search mode as grouped bars, with the default search's targets marked. */
final class RecallChart {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    private static final int LEFT = 60;
    private static final int BOTTOM = 360;
    private static final int TOP = 70;
    private static final Color[] COLORS = {new Color(0x9e9e9e), new Color(0x5b8bd9), new Color(0x2e7d32)};

    private RecallChart() {}

    static void write(RecallReport report, Path file) throws IOException {
        ImageIO.write(draw(report), "png", file.toFile());
    }

    static BufferedImage draw(RecallReport report) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("graphmemory on LoCoMo: evidence recall@k (%)", 20, 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(
                    "%d questions, %d conversations; — = target of the default search"
                            .formatted(report.questions(0), report.conversations()),
                    20,
                    48);
            axis(g);
            int group = (WIDTH - LEFT - 40) / RecallBench.KS.length;
            int bar = (group - 30) / Mode.values().length;
            for (int i = 0; i < RecallBench.KS.length; i++) {
                int k = RecallBench.KS[i];
                int x = LEFT + 15 + i * group;
                for (Mode mode : Mode.values()) {
                    double value = report.recall(mode, k, 0);
                    g.setColor(COLORS[mode.ordinal()]);
                    g.fillRect(x, y(value), bar - 4, BOTTOM - y(value));
                    g.setColor(Color.BLACK);
                    g.drawString("%.0f".formatted(value), x, y(value) - 4);
                    x += bar;
                }
                g.drawString("@" + k, LEFT + 15 + i * group + group / 2 - 20, BOTTOM + 18);
                double target = k == 10 ? RecallReport.TARGET_AT_10 : k == 5 ? RecallReport.TARGET_AT_5 : -1;
                if (target > 0) {
                    g.setStroke(new BasicStroke(3));
                    int hybrid = LEFT + 15 + i * group + 2 * bar;
                    g.drawLine(hybrid - 4, y(target), hybrid + bar, y(target));
                    g.setStroke(new BasicStroke(1));
                }
            }
            int legend = LEFT;
            for (Mode mode : Mode.values()) {
                g.setColor(COLORS[mode.ordinal()]);
                g.fillRect(legend, BOTTOM + 32, 14, 14);
                g.setColor(Color.BLACK);
                g.drawString(RecallReport.name(mode).replace("*", ""), legend + 20, BOTTOM + 44);
                legend += 210;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void axis(Graphics2D g) {
        g.setColor(Color.GRAY);
        for (int tick = 0; tick <= 100; tick += 20) {
            g.drawLine(LEFT, y(tick), WIDTH - 30, y(tick));
            g.drawString(Integer.toString(tick), LEFT - 30, y(tick) + 4);
        }
    }

    private static int y(double percent) {
        return BOTTOM - (int) Math.round(percent / 100 * (BOTTOM - TOP));
    }
}
