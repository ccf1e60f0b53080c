package org.vaenodes.knime.nodes.mnistreader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;
import org.vaenodes.engine.idx.IdxWriter;
import org.vaenodes.knime.LogCapture;
import org.vaenodes.knime.nodes.SavedChoice;
import org.vaenodes.knime.table.PixelColumns;
import org.vaenodes.knimestub.StubContexts;
import org.vaenodes.knimestub.StubNodes;
import org.vaenodes.testing.SharedData;
import org.vaenodes.testing.TinyData;

import com.sun.net.httpserver.HttpServer;

class MnistReaderNodeModelTest {

    @TempDir
    Path tmp;

    private static BufferedDataTable run(final MnistReaderNodeModel m) throws Exception {
        return (BufferedDataTable)StubNodes.run(m, StubContexts.newExecutionContext())[0];
    }

    @Test
    void builtinConfigureAnnouncesLabelImageAndPixelsWithSize() throws Exception {
        MnistReaderNodeModel m = new MnistReaderNodeFactory().createNodeModel();
        DataTableSpec spec = (DataTableSpec)StubNodes.configure(m)[0];
        assertThat(spec.getNumColumns()).isEqualTo(2 + 784);
        assertThat(spec.getColumnSpec(0).getName()).isEqualTo("label");
        assertThat(spec.getColumnSpec(1).getType().isCompatible(PNGImageValue.class)).isTrue();
        assertThat(spec.getColumnSpec("px_783").getProperties().getProperty(PixelColumns.PROP_HEIGHT)).isEqualTo("28");
        assertThat(spec.getColumnSpec("px_0").getProperties().getProperty(PixelColumns.PROP_WIDTH)).isEqualTo("28");
    }

    @Test
    void builtinExecuteReadsMaxRowsScaled() throws Exception {
        MnistReaderNodeModel m = new MnistReaderNodeModel();
        m.settings().m_maxRows.setIntValue(30);
        BufferedDataTable t = run(m);
        assertThat(t.size()).isEqualTo(30);
        List<DataRow> rows = StubContexts.rows(t);
        assertThat(((IntValue)rows.get(0).getCell(0)).getIntValue()).isEqualTo(7); // first MNIST test digit
        double max = 0;
        for (int p = 2; p < rows.get(0).getNumCells(); p++) {
            max = Math.max(max, ((DoubleValue)rows.get(0).getCell(p)).getDoubleValue());
        }
        assertThat(max).isEqualTo(1.0);

        m.settings().m_pixelScale.setStringValue(PixelScale.BYTE.key());
        rows = StubContexts.rows(run(m));
        max = 0;
        for (int p = 2; p < rows.get(0).getNumCells(); p++) {
            max = Math.max(max, ((DoubleValue)rows.get(0).getCell(p)).getDoubleValue());
        }
        assertThat(max).isEqualTo(255.0);
    }

    @Test
    void localFilesHeaderGivesSpecAndLabelsAreOptional() throws Exception {
        Path images = tmp.resolve("imgs-idx3-ubyte.gz");
        IdxWriter.writeImages(images, TinyData.squares(12, 6, 5, 1), true);
        Path labels = tmp.resolve("labels-idx1-ubyte");
        IdxWriter.writeLabels(labels, new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1}, false);
        MnistReaderNodeModel m = new MnistReaderNodeModel();
        m.settings().m_mode.setStringValue(MnistSource.LOCAL.key());
        m.settings().m_imagesFile.setStringValue(images.toString());
        DataTableSpec spec = (DataTableSpec)StubNodes.configure(m)[0];
        assertThat(spec.containsName("label")).isFalse();
        assertThat(spec.getNumColumns()).isEqualTo(1 + 30);
        assertThat(run(m).size()).isEqualTo(12);

        m.settings().m_labelsFile.setStringValue(labels.toString());
        BufferedDataTable t = run(m);
        assertThat(t.getDataTableSpec().containsName("label")).isTrue();
        assertThat(((IntValue)StubContexts.rows(t).get(3).getCell(0)).getIntValue()).isEqualTo(3);
    }

    @Test
    void localBadFilesGiveClearErrors() throws Exception {
        MnistReaderNodeModel m = new MnistReaderNodeModel();
        m.settings().m_mode.setStringValue(MnistSource.LOCAL.key());
        assertThatThrownBy(() -> StubNodes.configure(m)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("No images file set");
        Path junk = tmp.resolve("junk.bin");
        Files.write(junk, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17});
        m.settings().m_imagesFile.setStringValue(junk.toString());
        assertThatThrownBy(() -> StubNodes.configure(m)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("not an IDX image file");
        m.settings().m_imagesFile.setStringValue(tmp.resolve("absent.gz").toString());
        assertThatThrownBy(() -> StubNodes.configure(m)).hasMessageContaining("does not exist");
    }

    @Test
    void realMnistLocalFilesMatchBuiltin() throws Exception {
        Path dir = SharedData.mnistDir();
        MnistReaderNodeModel local = new MnistReaderNodeModel();
        local.settings().m_mode.setStringValue(MnistSource.LOCAL.key());
        local.settings().m_imagesFile.setStringValue(dir.resolve("t10k-images-idx3-ubyte.gz").toString());
        local.settings().m_labelsFile.setStringValue(dir.resolve("t10k-labels-idx1-ubyte.gz").toString());
        local.settings().m_maxRows.setIntValue(200);
        MnistReaderNodeModel builtin = new MnistReaderNodeModel();
        builtin.settings().m_maxRows.setIntValue(200);
        List<DataRow> a = StubContexts.rows(run(local));
        List<DataRow> b = StubContexts.rows(run(builtin));
        assertThat(a).hasSize(200);
        for (int i = 0; i < a.size(); i += 37) {
            assertThat(a.get(i).getCell(0)).isEqualTo(b.get(i).getCell(0));
            assertThat(a.get(i).getCell(500)).isEqualTo(b.get(i).getCell(500));
        }
    }

    private HttpServer serve(final Path dir) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mnist/", ex -> {
            Path f = dir.resolve(ex.getRequestURI().getPath().substring("/mnist/".length()));
            if (!Files.isRegularFile(f)) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            byte[] body = Files.readAllBytes(f);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private MnistReaderNodeModel downloadModel(final Map<String, String> md5, final HttpServer server,
        final Path cache) {
        MnistReaderNodeModel m = new MnistReaderNodeModel(new MnistDownloader(md5));
        m.settings().m_mode.setStringValue(MnistSource.DOWNLOAD.key());
        m.settings().m_baseUrl.setStringValue("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist");
        m.settings().m_cacheDir.setStringValue(cache.toString());
        return m;
    }

    @Test
    void downloadVerifiesMd5AndCachesAtomically() throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        IdxWriter.writeImages(served.resolve("t10k-images-idx3-ubyte.gz"), TinyData.squares(9, 28, 28, 2), true);
        IdxWriter.writeLabels(served.resolve("t10k-labels-idx1-ubyte.gz"), new int[]{1, 2, 3, 4, 5, 6, 7, 8, 9},
            true);
        Map<String, String> md5 = new HashMap<>();
        md5.put("MNIST/t10k-images-idx3-ubyte.gz", MnistDownloader.md5(served.resolve("t10k-images-idx3-ubyte.gz")));
        md5.put("MNIST/t10k-labels-idx1-ubyte.gz", MnistDownloader.md5(served.resolve("t10k-labels-idx1-ubyte.gz")));
        HttpServer server = serve(served);
        try {
            Path cache = tmp.resolve("cache");
            BufferedDataTable t = run(downloadModel(md5, server, cache));
            assertThat(t.size()).isEqualTo(9);
            assertThat(((IntValue)StubContexts.rows(t).get(8).getCell(0)).getIntValue()).isEqualTo(9);
            try (var files = Files.list(cache)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");
            }

            Map<String, String> wrong = new HashMap<>(md5);
            wrong.put("MNIST/t10k-images-idx3-ubyte.gz", "00000000000000000000000000000000");
            Path cache2 = tmp.resolve("cache2");
            assertThatThrownBy(() -> run(downloadModel(wrong, server, cache2)))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("MD5 checksum mismatch");
            try (var files = Files.list(cache2)) {
                assertThat(files.toList()).isEmpty();
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void downloadAndCacheHitAreLogged() throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served-log"));
        IdxWriter.writeImages(served.resolve("t10k-images-idx3-ubyte.gz"), TinyData.squares(3, 28, 28, 4), true);
        IdxWriter.writeLabels(served.resolve("t10k-labels-idx1-ubyte.gz"), new int[]{1, 2, 3}, true);
        Map<String, String> md5 = new HashMap<>();
        md5.put("MNIST/t10k-images-idx3-ubyte.gz", MnistDownloader.md5(served.resolve("t10k-images-idx3-ubyte.gz")));
        md5.put("MNIST/t10k-labels-idx1-ubyte.gz", MnistDownloader.md5(served.resolve("t10k-labels-idx1-ubyte.gz")));
        HttpServer server = serve(served);
        Path cache = tmp.resolve("cache-log");
        try (LogCapture downloads = LogCapture.of(MnistDownloader.class);
            LogCapture reads = LogCapture.of(MnistReaderNodeModel.class)) {
            run(downloadModel(md5, server, cache));
            assertThat(downloads.messages(Level.INFO)).hasSize(2).first().asString()
                .startsWith("Downloading http://").endsWith("t10k-images-idx3-ubyte.gz to "
                    + cache.resolve("t10k-images-idx3-ubyte.gz") + ".");
            assertThat(downloads.messages(Level.FINE)).isEmpty();

            run(downloadModel(md5, server, cache));
            assertThat(downloads.messages(Level.INFO)).hasSize(2);
            assertThat(downloads.messages(Level.FINE)).containsExactly(
                "Using " + cache.resolve("t10k-images-idx3-ubyte.gz") + " from the cache (MD5 "
                    + md5.get("MNIST/t10k-images-idx3-ubyte.gz") + " matches).",
                "Using " + cache.resolve("t10k-labels-idx1-ubyte.gz") + " from the cache (MD5 "
                    + md5.get("MNIST/t10k-labels-idx1-ubyte.gz") + " matches).");
            assertThat(reads.messages(Level.INFO)).hasSize(2).allMatch(m -> m.equals("Reading MNIST images from "
                + cache.resolve("t10k-images-idx3-ubyte.gz") + " and labels from "
                + cache.resolve("t10k-labels-idx1-ubyte.gz") + "."));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void modesSaveTodaysStringsAndRefuseOthersByName() throws Exception {
        assertThat(SavedChoice.keys(MnistSource.class)).containsExactly("builtin", "local", "download");
        assertThat(SavedChoice.keys(MnistSplit.class)).containsExactly("test", "train");
        assertThat(SavedChoice.keys(PixelScale.class)).containsExactly("unit", "byte");
        assertThat(SavedChoice.labels(PixelScale.class)).containsExactly("[0, 1]", "0–255");
        assertThat(PixelScale.parse("byte").factor()).isEqualTo(1.0);
        assertThat(MnistSplit.parse("train")).isEqualTo(MnistSplit.TRAIN);
        assertThatThrownBy(() -> MnistSource.parse("web")).isInstanceOf(InvalidSettingsException.class)
            .hasMessage("Unknown source \"web\"; use builtin, local or download.");
        assertThatThrownBy(() -> MnistSplit.parse("TRAIN")).isInstanceOf(InvalidSettingsException.class)
            .hasMessage("Unknown split \"TRAIN\"; use train or test.");
        assertThatThrownBy(() -> PixelScale.parse(null)).isInstanceOf(InvalidSettingsException.class)
            .hasMessage("Unknown pixel scale \"null\"; use unit ([0, 1]) or byte (0–255).");

        // a split the download does not know is refused only when the node downloads
        MnistReaderNodeModel m = new MnistReaderNodeModel();
        NodeSettings s = StubNodes.saveSettings(m);
        s.addString("split", "validation");
        StubNodes.validateSettings(m, s);
        s.addString("mode", "download");
        assertThatThrownBy(() -> StubNodes.validateSettings(m, s)).isInstanceOf(InvalidSettingsException.class)
            .hasMessage("Unknown split \"validation\"; use train or test.");
    }

    @Test
    void failedDownloadNamesFileUrlAndWhatToDo() throws Exception {
        // nothing listens on a port that was just freed: the connection is refused at once
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        MnistReaderNodeModel m = new MnistReaderNodeModel();
        m.settings().m_mode.setStringValue(MnistSource.DOWNLOAD.key());
        m.settings().m_baseUrl.setStringValue("http://127.0.0.1:" + port + "/mnist");
        m.settings().m_cacheDir.setStringValue(tmp.resolve("cache3").toString());
        assertThatThrownBy(() -> run(m)).hasMessageContaining("Download of t10k-images-idx3-ubyte.gz from http://127.0.0.1:"
            + port + "/mnist/t10k-images-idx3-ubyte.gz failed").hasMessageContaining("Check the internet connection")
            .hasMessageContaining("another base URL").hasMessageContaining("Local IDX files");

        java.net.URL url = new java.net.URL("https://fashion-mnist.example.invalid/train-images-idx3-ubyte.gz");
        String msg = MnistDownloader.downloadFailure("train-images-idx3-ubyte.gz", url,
            new java.net.UnknownHostException("fashion-mnist.example.invalid"));
        assertThat(msg).startsWith("Download of train-images-idx3-ubyte.gz from " + url + " failed: the host "
            + "fashion-mnist.example.invalid could not be found.");
    }

    @Test
    void fileChoosersHaveTitles() {
        assertThat(StubNodes.fileChooserTitles(StubNodes.createNodeDialogPane(new MnistReaderNodeFactory())))
            .containsExactly("Images file", "Labels file (optional)", "Cache folder");
    }

    @Test
    void knownChecksumsCoverTheEightStandardFiles() {
        assertThat(MnistDownloader.KNOWN_MD5).hasSize(8);
        assertThat(MnistDownloader.KNOWN_MD5.get("MNIST/t10k-images-idx3-ubyte.gz"))
            .isEqualTo("9fb629c4189551a2d022fa330f9573f3");
    }

    @Test
    void settingsRoundTripAndValidation() throws Exception {
        MnistReaderNodeModel m = new MnistReaderNodeModel();
        m.settings().m_mode.setStringValue(MnistSource.DOWNLOAD.key());
        m.settings().m_dataset.setStringValue("Fashion-MNIST");
        m.settings().m_split.setStringValue("train");
        m.settings().m_maxRows.setIntValue(123);
        NodeSettings saved = StubNodes.saveSettings(m);
        MnistReaderNodeModel m2 = new MnistReaderNodeModel();
        StubNodes.loadSettings(m2, StubNodes.xmlRoundTrip(saved));
        assertThat(StubNodes.saveSettings(m2)).isEqualTo(saved);

        NodeSettings bad = StubNodes.saveSettings(m);
        bad.addString("mode", "ftp");
        assertThatThrownBy(() -> StubNodes.validateSettings(m2, bad)).isInstanceOf(InvalidSettingsException.class)
            .hasMessageContaining("Unknown source");
    }

    @Test
    void cancelStopsExecution() throws Exception {
        MnistReaderNodeModel m = new MnistReaderNodeModel();
        ExecutionContext exec = StubContexts.newExecutionContext();
        StubContexts.cancel(exec);
        assertThatThrownBy(() -> StubNodes.execute(m, exec)).isInstanceOf(CanceledExecutionException.class);
    }

    @Test
    void factoryHasDescriptionAndIcon() {
        MnistReaderNodeFactory f = new MnistReaderNodeFactory();
        assertThat(f.getNodeName()).isEqualTo("MNIST Reader");
        assertThat(f.getIcon()).isNotNull();
        assertThat(f.getOutportName(0)).isNotBlank();
        assertThat(StubNodes.hasDialog(f)).isTrue();
        assertThat(StubNodes.createNodeDialogPane(f)).isNotNull();
        PortObjectSpec[] none = new PortObjectSpec[0];
        assertThat(none).isEmpty();
    }
}
