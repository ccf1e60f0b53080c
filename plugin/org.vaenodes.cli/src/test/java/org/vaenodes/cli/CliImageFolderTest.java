package org.vaenodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaenodes.engine.image.PngImages;
import org.vaenodes.testing.TinyData;

/**
 * The CLI on a folder of generated colour PNGs: train, reconstruct (a colour grid and the scores CSV), evaluate,
 * encode with labels from the sub-folders, and the size and option refusals. The reconstruction grid is also
 * copied to target/screenshots/ to be looked at.
 */
class CliImageFolderTest {

    @TempDir
    Path dir;

    private static final String[] NAMES = {"red", "green", "blue", "yellow"};

    /** 64 coloured squares of 12×12 as PNG files, in sub-folders named after their colour. */
    private Path folder() throws Exception {
        Path images = dir.resolve("images");
        TinyData.ColourSquares squares = TinyData.colourSquares(64, 12, 12, 9);
        for (int i = 0; i < 64; i++) {
            Path file = images.resolve(NAMES[squares.colour()[i]]).resolve(String.format("sq%03d.png", i));
            Files.createDirectories(file.getParent());
            PngImages.writePng(PngImages.toImage(squares.values(), i * 3 * 144, 3, 12, 12), file);
        }
        return images;
    }

    @Test
    void trainReconstructEvaluateEncodeOnAFolderOfColourPngs() throws Exception {
        Path images = folder();
        Path model = dir.resolve("model.zip");
        CliRun train = CliRun.of("train", "--images", images.toString(), "--out", model.toString(), "--iterations", "300",
                "--filters", "16", "--latent", "4", "--decoder-hidden", "16", "--batch", "32", "--lr", "0.005", "--keep", "1",
                "--loss", "BERNOULLI", "--beta", "0.05", "--seed", "3");
        assertThat(train.code()).as("stderr: %s", train.err()).isZero();
        assertThat(train.out()).contains("64 images of 12×12").contains("input 12×12×3");

        Path grid = dir.resolve("grid.png");
        Path scores = dir.resolve("scores.csv");
        CliRun rec = CliRun.of("reconstruct", "--model", model.toString(), "--images", images.toString(), "--out",
                grid.toString(), "--scores", scores.toString(), "--labels-from-folders", "--count", "64", "--columns", "16");
        assertThat(rec.code()).as("stderr: %s", rec.err()).isZero();
        BufferedImage png = ImageIO.read(grid.toFile());
        assertThat(png.getColorModel().getNumColorComponents()).as("a colour grid").isEqualTo(3);
        assertThat(hasColouredPixel(png)).isTrue();
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.copy(grid, screenshots.resolve("cli-colour-reconstructions.png"), StandardCopyOption.REPLACE_EXISTING);

        List<String> rows = Files.readAllLines(scores);
        assertThat(rows).hasSize(65);
        assertThat(rows.get(0)).isEqualTo("index,label,file,reconstruction_error,negative_elbo");
        // sorted by path: the blue folder first
        assertThat(rows.get(1)).startsWith("0,blue,blue/sq");
        String[] first = rows.get(1).split(",");
        assertThat(Double.parseDouble(first[4])).isGreaterThanOrEqualTo(Double.parseDouble(first[3]));

        Path evalScores = dir.resolve("eval.csv");
        CliRun eval = CliRun.of("evaluate", "--model", model.toString(), "--images", images.toString(), "--scores",
                evalScores.toString());
        assertThat(eval.code()).as("stderr: %s", eval.err()).isZero();
        assertThat(eval.out()).contains("loss: ");
        List<String> evalRows = Files.readAllLines(evalScores);
        assertThat(evalRows.get(0)).isEqualTo("index,file,reconstruction_error,negative_elbo");
        assertThat(evalRows.get(1).split(",")[3]).as("same scores as reconstruct's").isEqualTo(first[4]);

        Path latent = dir.resolve("latent.csv");
        CliRun enc = CliRun.of("encode", "--model", model.toString(), "--images", images.toString(), "--out",
                latent.toString(), "--labels-from-folders");
        assertThat(enc.code()).as("stderr: %s", enc.err()).isZero();
        assertThat(Files.readAllLines(latent).get(64)).startsWith("63,yellow,");
    }

    @Test
    void otherSizesAreRefusedOrResizedAndIdxOptionsDoNotMix() throws Exception {
        Path images = folder();
        Path model = dir.resolve("model.zip");
        assertThat(CliRun.of("train", "--images", images.toString(), "--out", model.toString(), "--iterations", "2",
                "--filters", "2", "--latent", "2", "--batch", "8").code()).isZero();
        Path odd = images.resolve("red/odd.png");
        ImageIO.write(new BufferedImage(20, 16, BufferedImage.TYPE_INT_RGB), "png", odd.toFile());
        Path grid = dir.resolve("grid.png");
        String refusal = CliRun.of("reconstruct", "--model", model.toString(), "--images", images.toString(), "--out",
                grid.toString()).failsWith(1);
        assertThat(refusal).isEqualTo("error: " + odd + ": the picture is 16×20 (height×width), the images must be "
                + "12×12; resize it or use --resize");
        assertThat(grid).doesNotExist();
        assertThat(CliRun.of("reconstruct", "--model", model.toString(), "--images", images.toString(), "--out",
                grid.toString(), "--resize").code()).isZero();
        assertThat(CliRun.of("train", "--images", images.toString(), "--labels", odd.toString(), "--out",
                model.toString()).failsWith(2)).contains("--labels is for IDX images");
        assertThat(CliRun.of("reconstruct", "--model", model.toString(), "--images", model.toString(), "--resize",
                "--out", grid.toString()).failsWith(2)).contains("--resize is for --images DIR");
        Files.write(images.resolve("green/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        assertThat(CliRun.of("encode", "--model", model.toString(), "--images", images.toString(), "--resize",
                "--out", dir.resolve("z.csv").toString()).failsWith(1))
                .startsWith("error: " + images.resolve("green/broken.png") + ": ");
    }

    private static boolean hasColouredPixel(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 100) {
                    return true;
                }
            }
        }
        return false;
    }
}
