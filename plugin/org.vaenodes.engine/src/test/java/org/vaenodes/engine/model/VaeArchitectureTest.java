package org.vaenodes.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The layer list is the model file's parameter list: the seed model's names, shapes and order are the ones
 * that files of the current format hold (ModelFileReader refuses anything else).
 */
class VaeArchitectureTest {

    @Test
    void seedModelParametersKeepTheFileFormatsNamesShapesAndOrder() {
        List<String> actual = new ArrayList<>();
        for (VaeWeights.Param p : VaeWeights.params(VaeConfig.defaults())) {
            actual.add(p.name() + java.util.Arrays.toString(p.shape()) + " " + p.fanIn() + "/" + p.fanOut());
        }
        assertThat(actual).containsExactly(
                "enc_conv0_W[4, 4, 1, 64] 16/1024", "enc_conv0_b[64] 0/0",
                "enc_conv1_W[4, 4, 64, 64] 1024/1024", "enc_conv1_b[64] 0/0",
                "enc_conv2_W[4, 4, 64, 64] 1024/1024", "enc_conv2_b[64] 0/0",
                "mean_W[3136, 8] 3136/8", "mean_b[8] 0/0",
                "logstd_W[3136, 8] 3136/8", "logstd_b[8] 0/0",
                "dec_dense1_W[8, 24] 8/24", "dec_dense1_b[24] 0/0",
                "dec_dense2_W[24, 49] 24/49", "dec_dense2_b[49] 0/0",
                "dec_deconv0_W[4, 4, 64, 1] 1024/16", "dec_deconv0_b[64] 0/0",
                "dec_deconv1_W[4, 4, 64, 64] 1024/1024", "dec_deconv1_b[64] 0/0",
                "dec_deconv2_W[4, 4, 64, 64] 1024/1024", "dec_deconv2_b[64] 0/0",
                "dec_out_W[12544, 784] 12544/784", "dec_out_b[784] 0/0");
    }

    @Test
    void featureMapSizesFollowTheStrides() {
        VaeArchitecture a = new VaeArchitecture(VaeConfig.builder().imageSize(12, 20).encoderStrides(2, 2, 1)
                .decoderStrides(2, 1, 2).build());
        assertThat(a.encoder()).extracting(VaeArchitecture.Conv::outHeight).containsExactly(6, 3, 3);
        assertThat(a.encoder()).extracting(VaeArchitecture.Conv::outWidth).containsExactly(10, 5, 5);
        assertThat(a.decoder()).extracting(VaeArchitecture.Conv::outHeight).containsExactly(6, 6, 12);
        assertThat(a.decoder()).extracting(VaeArchitecture.Conv::dropout).containsExactly(true, true, false);
        assertThat(a.decoderDense().get(1).out()).isEqualTo(15);
        assertThat(a.output().in()).isEqualTo(64L * 12 * 20);
    }
}
