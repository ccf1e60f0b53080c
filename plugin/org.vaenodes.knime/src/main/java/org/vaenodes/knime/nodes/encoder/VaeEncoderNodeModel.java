package org.vaenodes.knime.nodes.encoder;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.vaenodes.knime.nodes.StatelessNodeModel;
import org.vaenodes.engine.model.VaeModel;
import org.vaenodes.knime.nodes.BatchAppender;
import org.vaenodes.knime.nodes.MemoryCheck;
import org.vaenodes.knime.nodes.NodeSupport;
import org.vaenodes.knime.port.VaeModelPortObject;
import org.vaenodes.knime.port.VaeModelPortObjectSpec;
import org.vaenodes.knime.table.ImageRows;

/** Appends the latent mean (and optionally log standard deviation) of each row's image. */
public final class VaeEncoderNodeModel extends StatelessNodeModel {

    /** Prefix of the latent mean columns. */
    public static final String MEAN_PREFIX = "z_mean_";

    /** Prefix of the latent log-std columns. */
    public static final String LOGSTD_PREFIX = "z_logstd_";

    private final VaeEncoderSettings m_settings = new VaeEncoderSettings();

    VaeEncoderNodeModel() {
        super(new PortType[]{VaeModelPortObject.TYPE, BufferedDataTable.TYPE},
            new PortType[]{BufferedDataTable.TYPE});
    }

    VaeEncoderSettings settings() {
        return m_settings;
    }

    private DataTableSpec outSpec(final VaeModelPortObjectSpec model, final DataTableSpec in) {
        List<DataColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < model.getLatentSize(); i++) {
            cols.add(new DataColumnSpecCreator(MEAN_PREFIX + i, DoubleCell.TYPE).createSpec());
        }
        if (m_settings.m_logStd.getBooleanValue()) {
            for (int i = 0; i < model.getLatentSize(); i++) {
                cols.add(new DataColumnSpecCreator(LOGSTD_PREFIX + i, DoubleCell.TYPE).createSpec());
            }
        }
        return BatchAppender.append(in, cols.toArray(new DataColumnSpec[0]));
    }

    private ImageRows reader(final VaeModelPortObjectSpec model, final DataTableSpec in)
        throws InvalidSettingsException {
        return m_settings.m_input.resolve(in, m_settings.m_columns).reader(in,
            NodeSupport.channels(model.getConfig()), model.getHeight(), model.getWidth(), m_settings.m_input.resize());
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        VaeModelPortObjectSpec model = NodeSupport.modelSpec(inSpecs[0]);
        DataTableSpec in = (DataTableSpec)inSpecs[1];
        if (in == null) {
            throw new InvalidSettingsException("No input table; connect a table with images (pixel or PNG columns).");
        }
        reader(model, in);
        MemoryCheck.check(MemoryCheck.encoder(model.getConfig(), m_settings.m_logStd.getBooleanValue()));
        return new PortObjectSpec[]{outSpec(model, in)};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        VaeModelPortObject port = (VaeModelPortObject)inObjects[0];
        BufferedDataTable table = (BufferedDataTable)inObjects[1];
        VaeModelPortObjectSpec spec = port.getSpec();
        ImageRows reader = reader(spec, table.getDataTableSpec());
        DataTableSpec outSpec = outSpec(spec, table.getDataTableSpec());
        boolean logStd = m_settings.m_logStd.getBooleanValue();
        MemoryCheck.check(MemoryCheck.encoder(spec.getConfig(), logStd));
        int latent = spec.getLatentSize();
        BufferedDataTable out;
        try (VaeModel model = NodeSupport.open(port)) {
            out = BatchAppender.run(table, outSpec, reader, (images, count) -> {
                VaeModel.Encoding e = model.encode(images, count);
                DataCell[][] cells = new DataCell[count][];
                for (int r = 0; r < count; r++) {
                    DataCell[] c = new DataCell[logStd ? 2 * latent : latent];
                    for (int j = 0; j < latent; j++) {
                        c[j] = new DoubleCell(e.mean()[r * latent + j]);
                        if (logStd) {
                            c[latent + j] = new DoubleCell(e.logStd()[r * latent + j]);
                        }
                    }
                    cells[r] = c;
                }
                return cells;
            }, exec, exec);
        }
        String warning = reader.warning("their latent columns are missing");
        if (warning != null) {
            setWarningMessage(warning);
        }
        return new PortObject[]{out};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_settings.save(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.validate(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_settings.load(settings);
    }
}
