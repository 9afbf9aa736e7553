package dev.graphmemory.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws {@code benchmarks.png}: one bar per scenario, its ratio on a logarithmic axis (the ratios run from about 1
 * to over 100), a black tick at its target, green where the target is met and red where it is missed. Plain
 * java.awt, headless.
 */
public final class RatioChart {
    private static final int WIDTH = 1000;
    private static final int ROW = 34;
    private static final int TOP = 70;
    private static final int LEFT = 260;
    private static final int RIGHT = 120;
    private static final double MIN = 0.1;
    private static final double MAX = 1000;
    private static final Color MET = new Color(0x2E7D32);
    private static final Color MISSED = new Color(0xC62828);

    private RatioChart() {}

    /** Writes the chart of {@code report} to {@code file}. */
    public static void write(Report report, Path file) throws IOException {
        ImageIO.write(draw(report), "png", file.toFile());
    }

    /** The chart as an image. */
    public static BufferedImage draw(Report report) {
        List<ScenarioResult> scenarios = report.scenarios();
        int height = TOP + ROW * scenarios.size() + 60;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("graphmemory: ratio to each baseline (log scale; | = target)", 20, 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(
                    report.mode() + " run, " + report.machine().cores() + " cores, "
                            + report.date().toString().substring(0, 10),
                    20,
                    48);
            axis(g, TOP + ROW * scenarios.size());
            for (int i = 0; i < scenarios.size(); i++) {
                row(g, scenarios.get(i), TOP + ROW * i);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void row(Graphics2D g, ScenarioResult scenario, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        String label = scenario.id() + "  " + scenario.ratioName();
        g.drawString(label.length() > 38 ? label.substring(0, 37) + "…" : label, 20, y + 21);
        int zero = x(MIN);
        int end = x(Math.max(MIN, Math.min(MAX, scenario.ratio())));
        g.setColor(scenario.met() ? MET : MISSED);
        g.fillRect(zero, y + 8, Math.max(2, end - zero), ROW - 14);
        int target = x(scenario.target().value());
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3));
        g.drawLine(target, y + 3, target, y + ROW - 3);
        g.setStroke(new BasicStroke(1));
        g.drawString(Numbers.ratio(scenario.ratio()) + "  (" + scenario.target().text() + ")", end + 8, y + 21);
    }

    private static void axis(Graphics2D g, int y) {
        g.setColor(Color.GRAY);
        g.drawLine(x(MIN), y + 4, x(MAX), y + 4);
        for (double tick = MIN; tick <= MAX; tick *= 10) {
            int x = x(tick);
            g.drawLine(x, TOP - 4, x, y + 8);
            g.drawString(Numbers.ratio(tick) + "×", x - 12, y + 24);
        }
    }

    private static int x(double ratio) {
        double span = Math.log10(MAX) - Math.log10(MIN);
        return LEFT + (int) Math.round((Math.log10(ratio) - Math.log10(MIN)) / span * (WIDTH - LEFT - RIGHT));
    }
}
