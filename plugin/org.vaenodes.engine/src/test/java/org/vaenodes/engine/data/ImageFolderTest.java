package org.vaenodes.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.engine.memory.NotEnoughMemoryException;

/** Reading a folder of pictures: order, labels, channels, sizes, broken files, links and memory. */
class ImageFolderTest {

    @TempDir
    Path dir;

    private static final MemoryBudget PLENTY = new MemoryBudget(1L << 30, 1L << 30, "test", "test", "more", "more");

    private static ImageFolder.Request request(int channels, boolean labels) {
        return new ImageFolder.Request(channels, 0, 0, false, labels, "--resize");
    }

    /** A w×h picture filled with one RGB colour (gray when r = g = b and {@code gray}). */
    private Path picture(String relative, int w, int h, int rgb, boolean gray, String format) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (gray) {
                    img.getRaster().setSample(x, y, 0, rgb & 0xFF); // setRGB would convert sRGB to linear gray
                } else {
                    img.setRGB(x, y, rgb);
                }
            }
        }
        assertThat(ImageIO.write(img, format, file.toFile())).isTrue();
        return file;
    }

    @Test
    void filesAreReadInPathOrderWithLabelsFromTheFirstSubFolder() throws IOException {
        picture("b/2.png", 4, 3, 0x202020, true, "png");
        picture("a-b/x.png", 4, 3, 0x404040, true, "png");
        picture("a/z/deep.PNG", 4, 3, 0x606060, true, "png");
        picture("a/y.jpg", 4, 3, 0x808080, true, "jpg");
        picture("B/1.png", 4, 3, 0xA0A0A0, true, "png");
        Files.writeString(dir.resolve("a/notes.txt"), "not an image");

        List<String> order = new ArrayList<>();
        for (ImageFolder.Entry e : ImageFolder.list(dir, true)) {
            order.add(e.relative() + "=" + e.label());
        }
        // name by name: "a" (and all inside it) before "a-b"; upper case before lower case
        assertThat(order).containsExactly("B/1.png=B", "a/y.jpg=a", "a/z/deep.PNG=a", "a-b/x.png=a-b", "b/2.png=b");

        FolderImages images = ImageFolder.read(dir, request(0, true), PLENTY, () -> false);
        assertThat(images.size()).isEqualTo(5);
        assertThat(images.channels()).as("all gray").isEqualTo(1);
        assertThat(images.height()).isEqualTo(3);
        assertThat(images.width()).isEqualTo(4);
        assertThat(images.labelNames()).containsExactly("B", "a", "a-b", "b");
        assertThat(images.label(2)).isEqualTo("a");
        assertThat(images.relativePath(0)).isEqualTo("B/1.png");
        float[] first = new float[12];
        images.copyImage(0, first, 0);
        assertThat(first[0]).isEqualTo(0xA0 / 255f);
        images.copyImage(4, first, 0);
        assertThat(first[11]).isEqualTo(0x20 / 255f);
    }

    @Test
    void colourIsDetectedAndConvertedAsRequested() throws IOException {
        picture("gray.png", 2, 2, 0x808080, true, "png");
        picture("red.png", 2, 2, 0xFF0000, false, "png");
        FolderImages auto = ImageFolder.read(dir, request(0, false), PLENTY, () -> false);
        assertThat(auto.channels()).as("one colour picture makes the set RGB").isEqualTo(3);
        float[] v = new float[12];
        auto.copyImage(1, v, 0); // red.png
        assertThat(v).containsExactly(1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        auto.copyImage(0, v, 0); // gray repeated
        assertThat(v[0]).isEqualTo(v[4]).isEqualTo(v[8]).isEqualTo(128 / 255f);
        FolderImages gray = ImageFolder.read(dir, request(1, false), PLENTY, () -> false);
        float[] g = new float[4];
        gray.copyImage(1, g, 0);
        assertThat((double) g[0]).isCloseTo(0.299, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void otherSizesAreRefusedNamingTheFileOrResized() throws IOException {
        picture("a.png", 4, 4, 0xFFFFFF, true, "png");
        Path odd = picture("b.png", 8, 6, 0xFFFFFF, true, "png");
        assertThatThrownBy(() -> ImageFolder.read(dir, request(1, false), PLENTY, () -> false))
                .isInstanceOf(IOException.class)
                .hasMessage(odd + ": the picture is 6×8 (height×width), the images must be 4×4 (the size of "
                        + dir.resolve("a.png") + "); resize it or use --resize");
        FolderImages resized = ImageFolder.read(dir, new ImageFolder.Request(1, 2, 3, true, false, "--resize"), PLENTY,
                () -> false);
        assertThat(resized.height()).isEqualTo(2);
        assertThat(resized.width()).isEqualTo(3);
        float[] v = new float[6];
        resized.copyImage(1, v, 0);
        assertThat(v).containsOnly(1f);
        assertThatThrownBy(() -> ImageFolder.read(dir, new ImageFolder.Request(1, 2, 3, false, false, "the option"),
                PLENTY, () -> false)).hasMessageStartingWith(dir.resolve("a.png") + ": the picture is 4×4")
                .hasMessageEndingWith("the images must be 2×3; resize it or use the option");
    }

    @Test
    void aBrokenFileIsAnErrorNamingIt() throws IOException {
        picture("a.png", 4, 4, 0xFFFFFF, true, "png");
        Path broken = dir.resolve("b.png");
        byte[] good = Files.readAllBytes(dir.resolve("a.png"));
        Files.write(broken, java.util.Arrays.copyOf(good, 40));
        assertThatThrownBy(() -> ImageFolder.read(dir, request(1, false), PLENTY, () -> false))
                .isInstanceOf(IOException.class).hasMessageStartingWith(broken + ": ");
        Files.write(broken, "text".getBytes());
        assertThatThrownBy(() -> ImageFolder.read(dir, request(1, false), PLENTY, () -> false))
                .hasMessageStartingWith(broken + ": not a PNG or JPEG image");
    }

    @Test
    void labelsNeedSubFoldersAndAnEmptyFolderIsAnError() throws IOException {
        assertThatThrownBy(() -> ImageFolder.read(dir, request(1, false), PLENTY, () -> false))
                .hasMessage(dir + ": no PNG or JPEG files (.png, .jpg, .jpeg) in it or its sub-folders");
        Path top = picture("top.png", 2, 2, 0, true, "png");
        assertThatThrownBy(() -> ImageFolder.list(dir, true)).hasMessageStartingWith(top + ": not in a sub-folder");
        assertThatThrownBy(() -> ImageFolder.list(top, false)).hasMessage(top + ": not a folder");
    }

    @Test
    void linksOutsideTheFolderAreRefusedAndFolderLinksNotFollowed(@TempDir Path outside) throws IOException {
        picture("in/a.png", 2, 2, 0, true, "png");
        Path foreign = outside.resolve("secret.png");
        Files.copy(dir.resolve("in/a.png"), foreign);
        Files.createSymbolicLink(dir.resolve("inside-link.png"), dir.resolve("in/a.png"));
        Files.createSymbolicLink(dir.resolve("folder-link"), outside);
        assertThat(ImageFolder.list(dir, false)).extracting(ImageFolder.Entry::relative)
                .containsExactly("in/a.png", "inside-link.png");
        Path link = Files.createSymbolicLink(dir.resolve("out-link.png"), foreign);
        assertThatThrownBy(() -> ImageFolder.list(dir, false)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(link + ": a link to " + foreign.toRealPath() + ", outside " + dir);
    }

    @Test
    void memoryIsCheckedBeforeDecoding() throws IOException {
        for (int i = 0; i < 3; i++) {
            picture("p" + i + ".png", 64, 64, 0xFF00FF, false, "png");
        }
        MemoryBudget small = new MemoryBudget(100_000, 1L << 30, "test heap", "test", "more heap", "more");
        assertThatThrownBy(() -> ImageFolder.read(dir, request(0, false), small, () -> false))
                .isInstanceOf(NotEnoughMemoryException.class).hasMessageContaining("Java heap");
        assertThatThrownBy(() -> ImageFolder.read(dir, request(0, false), PLENTY, () -> true))
                .isInstanceOf(java.io.InterruptedIOException.class);
    }
}
