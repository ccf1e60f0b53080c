package org.vaenodes.engine.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.vaenodes.engine.image.ImageConversion;
import org.vaenodes.engine.image.ImageFiles;
import org.vaenodes.engine.image.ImageResize;
import org.vaenodes.engine.memory.MemoryBudget;
import org.vaenodes.engine.memory.MemoryEstimate;

/**
 * Reads every PNG and JPEG file below a folder ({@code .png}, {@code .jpg}, {@code .jpeg}, any case) as one
 * {@link ImageDataset}.
 *
 * <p><b>Order</b>: by the path relative to the folder, compared name by name (folder names before the names
 * inside them), each name as a Java string (UTF-16 code units, case-sensitive): the same order on every
 * platform and file system. <b>Labels</b> (when asked): the name of the first sub-folder below the folder, so
 * {@code DIR/cat/a/x.png} is labelled {@code cat}; a file directly in the folder is then an error.
 *
 * <p><b>Sizes</b>: every picture is converted to the requested channels ({@link ImageConversion}); its size
 * must be the requested one (or, when none is requested, the first file's) unless resizing is on
 * ({@link ImageResize}). <b>Safety</b>: links to folders are not followed; a link to a file is read only when its
 * real path lies inside the folder; at most {@link #MAX_FILES} files, {@link #MAX_DEPTH} folder levels and
 * {@link ImageFiles#MAX_PIXELS} pixels per picture (from its header, before decoding). Every header is read first,
 * and the images' memory is checked against the budget before any picture is decoded.
 */
public final class ImageFolder {

    public static final int MAX_FILES = 1_000_000;
    public static final int MAX_DEPTH = 32;

    /**
     * What to read.
     *
     * @param channels 1 or 3, or 0: 3 when any picture has colour, else 1
     * @param height the images' height, 0: the first file's (then {@code width} must be 0 too)
     * @param resize whether pictures of another size are resized (else refused)
     * @param resizeOption what the user sets to allow resizing, for the refusal's message
     */
    public record Request(int channels, int height, int width, boolean resize, boolean labelsFromFolders,
            String resizeOption) {
        public Request {
            if (channels != 0 && channels != 1 && channels != 3) {
                throw new IllegalArgumentException("channels must be 0 (as the files), 1 or 3, was " + channels);
            }
            if (height < 0 || width < 0 || (height == 0) != (width == 0)) {
                throw new IllegalArgumentException("give both height and width or neither: " + height + "×" + width);
            }
        }
    }

    /** One image file: its path, its path relative to the folder ('/'-separated) and its label (or null). */
    public record Entry(Path file, String relative, String label) {
    }

    private ImageFolder() {
    }

    /** The image files below {@code root}, in the documented order. */
    public static List<Entry> list(Path root, boolean labelsFromFolders) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + ": not a folder");
        }
        Path realRoot = root.toRealPath();
        List<Entry> found = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH + 1,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Path rel = root.relativize(file);
                        if (!isImageName(file.getFileName().toString()) || rel.getNameCount() > MAX_DEPTH) {
                            return FileVisitResult.CONTINUE; // deeper than MAX_DEPTH: folders seen as entries
                        }
                        if (attrs.isSymbolicLink()) {
                            Path target;
                            try {
                                target = file.toRealPath();
                            } catch (IOException e) {
                                throw new IOException(file + ": a link whose target cannot be read; remove it");
                            }
                            if (!target.startsWith(realRoot)) {
                                throw new IOException(file + ": a link to " + target + ", outside " + root
                                        + "; links are read only inside the folder, copy the file instead");
                            }
                            if (Files.isDirectory(target)) {
                                return FileVisitResult.CONTINUE; // folder links are not followed
                            }
                            attrs = Files.readAttributes(target, BasicFileAttributes.class);
                        }
                        if (!attrs.isRegularFile()) {
                            throw new IOException(file + ": not a regular file; remove it from the folder");
                        }
                        if (found.size() >= MAX_FILES) {
                            throw new IOException(root + ": more than " + MAX_FILES
                                    + " image files; read a smaller folder");
                        }
                        String label = null;
                        if (labelsFromFolders) {
                            if (rel.getNameCount() < 2) {
                                throw new IOException(file + ": not in a sub-folder; labels from folders need every "
                                        + "image in one (DIR/LABEL/…)");
                            }
                            label = rel.getName(0).toString();
                        }
                        found.add(new Entry(file, relative(rel), label));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        throw new IOException(file + ": cannot be read (" + e.getMessage() + ")", e);
                    }
                });
        found.sort(Comparator.comparing(Entry::relative, ImageFolder::compareRelative));
        return found;
    }

    /** Reads the images below {@code root} as {@code request} says, checking their memory against {@code budget}. */
    public static FolderImages read(Path root, Request request, MemoryBudget budget, BooleanSupplier canceled)
            throws IOException {
        List<Entry> entries = list(root, request.labelsFromFolders());
        if (entries.isEmpty()) {
            throw new IOException(root + ": no PNG or JPEG files (.png, .jpg, .jpeg) in it or its sub-folders");
        }
        List<ImageFiles.Header> headers = new ArrayList<>(entries.size());
        boolean anyColour = false;
        long largest = 0;
        for (Entry e : entries) {
            checkCanceled(canceled);
            ImageFiles.Header h;
            try (InputStream in = Files.newInputStream(e.file())) {
                h = ImageFiles.header(in, e.file().toString());
            }
            headers.add(h);
            anyColour |= h.colour();
            largest = Math.max(largest, h.pixels());
        }
        int channels = request.channels() != 0 ? request.channels() : anyColour ? 3 : 1;
        int height = request.height() != 0 ? request.height() : headers.get(0).height();
        int width = request.width() != 0 ? request.width() : headers.get(0).width();
        if (!request.resize()) {
            for (int i = 0; i < entries.size(); i++) {
                ImageFiles.Header h = headers.get(i);
                if (h.height() != height || h.width() != width) {
                    throw new IOException(entries.get(i).file() + ": the picture is " + h.height() + "×" + h.width()
                            + " (height×width), the images must be " + height + "×" + width
                            + (request.height() == 0 ? " (the size of " + entries.get(0).file() + ")" : "")
                            + "; resize it or use " + request.resizeOption());
                }
            }
        }
        long values = (long) channels * height * width;
        long total = values * entries.size();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IOException(root + ": " + entries.size() + " images of " + channels + "×" + height + "×" + width
                    + " are more values than one array holds; read fewer or smaller images");
        }
        MemoryEstimate.imageFolder(entries.size(), values, largest).check(budget);

        float[] all = new float[(int) total];
        for (int i = 0; i < entries.size(); i++) {
            checkCanceled(canceled);
            Entry e = entries.get(i);
            BufferedImage picture;
            try (InputStream in = Files.newInputStream(e.file())) {
                picture = ImageFiles.decode(in, e.file().toString());
            }
            ImageFiles.Header h = headers.get(i);
            if (picture.getWidth() != h.width() || picture.getHeight() != h.height()) {
                throw new IOException(e.file() + ": changed while it was read; read the folder again");
            }
            float[] image = ImageConversion.toFloats(picture, channels);
            if (h.height() != height || h.width() != width) {
                image = ImageResize.resize(image, channels, h.height(), h.width(), height, width);
            }
            System.arraycopy(image, 0, all, (int) (i * values), (int) values);
        }
        return new FolderImages(entries, channels, height, width, all);
    }

    private static void checkCanceled(BooleanSupplier canceled) throws IOException {
        if (canceled != null && canceled.getAsBoolean()) {
            throw new java.io.InterruptedIOException("reading the images was canceled");
        }
    }

    static boolean isImageName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    }

    private static String relative(Path rel) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rel.getNameCount(); i++) {
            if (i > 0) {
                b.append('/');
            }
            b.append(rel.getName(i));
        }
        return b.toString();
    }

    /** Name by name, each as a Java string; a folder's name before anything inside a longer sibling name. */
    static int compareRelative(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
