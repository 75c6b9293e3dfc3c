package io.streamz.benchmarks.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleOutChartTest {
    @Test
    void drawsThePngIntoAFolderItCreates(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("docs").resolve("scaleout.png");

        ScaleOutChart.write(List.of(new Measurement("map", 1, 400, 50, 30), new Measurement("map", 2, 790, 50, 30),
                new Measurement("byKey", 1, 300, 50, 30), new Measurement("byKey", 2, 560, 50, 30)), "scale-out", png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not an image ImageIO can read");
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        // Drawn on, not a blank canvas: background, grid, text and two colours of lines.
        assertTrue(distinctColours(image) > 3, "the chart is (nearly) blank");
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
