package io.jynq.facade;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jynq.d2l.D2lException;
import io.jynq.d2l.D2lParser;
import io.jynq.d2l.DeviceDescription;
import io.jynq.facade.fixtures.StubIp;
import io.jynq.metadata.OverlayMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes facades made from device descriptions (outside input): whatever a {@code .d2l.yaml} the
 * parser accepts names or writes in its descriptions, the facade's source compiles, and each
 * device has its field, typed by an interface. Seeds: {@code DeviceFacadeFuzzTestInputs/devices}.
 */
class DeviceFacadeFuzzTest {
    private static final OverlayMetadata MD;

    static {
        try {
            MD = DeviceFacadeGeneratorTest.dspLoopbackMetadata();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void devices(byte[] input) throws Exception {
        List<DeviceDescription> devices;
        try {
            devices = D2lParser.parse(new String(input, StandardCharsets.UTF_8), "fuzz.d2l.yaml").devices();
        } catch (D2lException rejected) {
            return; // the parser's job, fuzzed by D2lFuzzTest
        }
        FacadeGenerator g = new FacadeGenerator(ip -> StubIp.class.getCanonicalName());
        FacadeGenerator.Facade facade = g.facade(MD, "FuzzOverlay", io.jynq.overlay.Overlay.class, devices);
        Class<?> c = InMemoryCompiler.compile("FuzzOverlay", facade.source()); // AssertionError with javac's messages if not
        Map<String, String> fields = facade.deviceFields();
        if (fields.size() != devices.size()) {
            throw new AssertionError("devices " + devices.size() + " but fields " + fields);
        }
        for (String f : fields.values()) {
            Field field = c.getField(f);
            if (!field.getType().isInterface()) {
                throw new AssertionError(f + " is a " + field.getType());
            }
        }
    }
}
