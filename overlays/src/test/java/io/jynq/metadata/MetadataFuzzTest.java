package io.jynq.metadata;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz targets for both parsers. A normal test run replays the seeds under
 * {@code src/test/resources/io/jynq/metadata/MetadataFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} Jazzer runs a coverage-guided campaign. Only {@link MetadataException}
 * may escape the parsers; anything else (or a hang) is a finding.
 */
class MetadataFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzzHwh(byte[] data) {
        try {
            HwhParser.parse(data, "fuzz.hwh").toPynqJson();
        } catch (MetadataException expected) {
            // refusing bad input with a located message is the contract
        }
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzBit(byte[] data) {
        try {
            BitFile.parse(data, "fuzz.bit");
            BitFile.toBin(data, "fuzz.bit");
        } catch (MetadataException expected) {
            // refusing bad input with a located message is the contract
        }
    }
}
