package dev.graphmemory.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatioChartTest {

    @Test
    void shouldDrawOneRowPerScenario(@TempDir Path directory) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path file = directory.resolve("chart.png");

        RatioChart.write(Reports.sample(), file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(Files.size(file)).isPositive();
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(70 + 34 * 2 + 60);
    }

    @Test
    void shouldColourMetGreenAndMissedRed() {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = RatioChart.draw(Reports.sample());

        int met = image.getRGB(300, 70 + 17) & 0xFFFFFF; // inside the S1 bar
        int missed = image.getRGB(300, 70 + 34 + 17) & 0xFFFFFF; // inside the S6b bar
        assertThat(met).isEqualTo(0x2E7D32);
        assertThat(missed).isEqualTo(0xC62828);
    }
}
