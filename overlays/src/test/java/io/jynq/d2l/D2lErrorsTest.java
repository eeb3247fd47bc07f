package io.jynq.d2l;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad device descriptions: one exact message each, with file, line and column. */
class D2lErrorsTest {
    private static final String HEAD = "name: DEV\nip: ip_0\nlibrary: lib\noperations:\n";

    /** A device with one operation whose body follows (indented by the caller). */
    private static String op(String body) {
        return HEAD + "  - name: OP\n" + body;
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("unknown type", op("    arguments:\n      - {name: a, type: uint16_t}\n    driver: true\n"),
                        "d.yaml:7:25: argument \"a\" of operation DEV.OP type \"uint16_t\" is not a D2L type; expected one of"
                                + " unsigned int, unsigned long, uint32_t, uint64_t, int32_t, int64_t, float, double, bool, buffer"),
                Arguments.of("missing argument type", op("    arguments:\n      - {name: a}\n    driver: true\n"),
                        "d.yaml:7:9: argument \"a\" of operation DEV.OP has no \"type\""),
                Arguments.of("missing argument name", op("    arguments:\n      - {type: bool}\n    driver: true\n"),
                        "d.yaml:7:9: an argument of operation DEV.OP has no \"name\""),
                Arguments.of("default: string for uint32_t",
                        op("    arguments:\n      - {name: a, type: uint32_t, default: uint32}\n    driver: true\n"),
                        "d.yaml:7:44: argument \"a\" of operation DEV.OP: default \"uint32\" is not an integer"),
                Arguments.of("default: negative for unsigned",
                        op("    arguments:\n      - {name: a, type: unsigned int, default: -1}\n    driver: true\n"),
                        "d.yaml:7:48: argument \"a\" of operation DEV.OP: default -1 is out of range for unsigned int"
                                + " [0, 4294967295]"),
                Arguments.of("default: fraction for int32_t",
                        op("    arguments:\n      - {name: a, type: int32_t, default: 1.5}\n    driver: true\n"),
                        "d.yaml:7:43: argument \"a\" of operation DEV.OP: default 1.5 (double) is not an integer"),
                Arguments.of("default: number for bool",
                        op("    arguments:\n      - {name: a, type: bool, default: 1}\n    driver: true\n"),
                        "d.yaml:7:40: argument \"a\" of operation DEV.OP: default 1 (long) is not a bool (true or false)"),
                Arguments.of("default on a buffer",
                        op("    arguments:\n      - {name: a, type: buffer, default: 0}\n    driver: true\n"),
                        "d.yaml:7:42: argument \"a\" of operation DEV.OP is a buffer and cannot have a default"),
                Arguments.of("duplicate argument",
                        op("    arguments:\n      - {name: a, type: bool}\n      - {name: a, type: float}\n    driver: true\n"),
                        "d.yaml:8:9: duplicate argument name \"a\" in operation DEV.OP"),
                Arguments.of("duplicate operation", op("    driver: true\n  - name: OP\n    driver: true\n"),
                        "d.yaml:7:5: duplicate operation name \"OP\" in device DEV"),
                Arguments.of("duplicate device", "- {name: A, operations: []}\n- {name: A, operations: []}\n",
                        "d.yaml:2:3: duplicate device name \"A\""),
                Arguments.of("SEND_BUFFER names a missing buffer",
                        op("    arguments:\n      - {name: data, type: buffer}\n    flags:\n"
                                + "      - {name: SEND_BUFFER, buffer_name: [samples]}\n    driver: true\n"),
                        "d.yaml:9:43: SEND_BUFFER names buffer \"samples\" but operation DEV.OP has no buffer argument of"
                                + " that name (buffer arguments: data)"),
                Arguments.of("SEND_BUFFER names a non-buffer",
                        op("    arguments:\n      - {name: n, type: uint32_t}\n    flags:\n"
                                + "      - {name: SEND_BUFFER, buffer_name: n}\n    driver: true\n"),
                        "d.yaml:9:42: SEND_BUFFER names buffer \"n\" but operation DEV.OP has no buffer argument of that"
                                + " name (buffer arguments: none)"),
                Arguments.of("SEND_BUFFER without buffer_name", op("    flags: [SEND_BUFFER]\n    driver: true\n"),
                        "d.yaml:6:13: SEND_BUFFER of operation DEV.OP needs buffer_name: [the buffer arguments it sends]"),
                Arguments.of("explicit len_ argument",
                        op("    arguments:\n      - {name: d, type: buffer}\n      - {name: len_d, type: uint32_t}\n"
                                + "    flags: [{name: SEND_BUFFER, buffer_name: [d]}]\n    driver: true\n"),
                        "d.yaml:8:9: argument \"len_d\" of operation DEV.OP is added by SEND_BUFFER automatically; remove it"),
                Arguments.of("unknown flag", op("    flags: [{name: AT_EXIT}]\n    driver: true\n"),
                        "d.yaml:6:13: unknown flag \"AT_EXIT\" on operation DEV.OP; expected AT_INIT or SEND_BUFFER"),
                Arguments.of("no implementation", op("    description: does nothing\n"),
                        "d.yaml:5:5: operation DEV.OP has no implementation; add one of driver (a method of the IP's Java"
                                + " driver), registers (a register program) or c (a function of the package's native library)"),
                Arguments.of("two implementations", op("    driver: true\n    c: f\n"),
                        "d.yaml:7:5: operation DEV.OP has both driver and c; an operation has exactly one implementation"),
                Arguments.of("lower-case device name", "name: dev\noperations: []\n",
                        "d.yaml:1:7: device name \"dev\" must be upper case letters, digits and _ starting with a letter"
                                + " (e.g. DEV)"),
                Arguments.of("unknown operation key", op("    driver: true\n    arguements: []\n"),
                        "d.yaml:7:5: unknown key \"arguements\" in an operation; expected one of arguments, c, description,"
                                + " driver, flags, name, registers, return, return_type"),
                Arguments.of("register value names nothing",
                        op("    arguments: [{name: gain, type: uint32_t}]\n    registers:\n      - {write: GAIN, value: gian}\n"),
                        "d.yaml:8:30: value \"gian\" is neither an argument of operation DEV.OP (gain) nor an earlier read"),
                Arguments.of("negative register literal", op("    registers: [{write: A, value: -1}]\n"),
                        "d.yaml:6:35: register value -1 is negative; write the bits as an unsigned number (e.g. 0xFFFFFFFF)"),
                Arguments.of("result is not a read",
                        op("    registers:\n      steps: [{write: A, value: 1}]\n      result: a\n"),
                        "d.yaml:8:15: operation DEV.OP result \"a\" is not a read of the program (reads: none)"),
                Arguments.of("bad timeout", op("    registers:\n      timeout: 5 minutes\n      steps: [{read: A}]\n"),
                        "d.yaml:7:16: operation DEV.OP timeout \"5 minutes\" must be a whole number with a unit: ns, us,"
                                + " ms or s (e.g. 100ms)"),
                Arguments.of("bad register target", op("    registers: [{read: CTRL.AP.START}]\n"),
                        "d.yaml:6:24: read target \"CTRL.AP.START\" must be REGISTER or REGISTER.FIELD"),
                Arguments.of("step with two kinds", op("    registers: [{read: A, write: B}]\n"),
                        "d.yaml:6:17: a step of operation DEV.OP must have exactly one of write, read, poll; found write"
                                + " and read"),
                Arguments.of("poll without until", op("    registers: [{poll: A}]\n"),
                        "d.yaml:6:17: poll of A has no \"until\""),
                Arguments.of("driver without ip", "name: DEV\noperations:\n  - {name: OP, driver: true}\n",
                        "d.yaml:3:24: operation DEV.OP calls a driver method but names no IP; set ip on the device or"
                                + " driver: {ip: ...}"),
                Arguments.of("c without library", "name: DEV\noperations:\n  - {name: OP, c: f}\n",
                        "d.yaml:3:19: operation DEV.OP calls C function f but names no library; set library on the"
                                + " device or c: {function, library}"),
                Arguments.of("empty file", "", "d.yaml:1:1: empty description; expected a device (name, operations) or a"
                        + " list of devices"),
                Arguments.of("YAML syntax", "name: DEV\noperations: [\n",
                        "d.yaml:3:1: YAML syntax error: while parsing a flow node: expected the node content, but found"
                                + " '<stream end>'"),
                Arguments.of("merge key", "name: DEV\n<<: {ip: x}\noperations: []\n",
                        "d.yaml:2:1: unsupported key in a device (keys are plain names; << merges are not supported in"
                                + " device descriptions)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void refused(String what, String text, String message) {
        D2lException e = assertThrows(D2lException.class, () -> D2lParser.parse(text, "d.yaml"));
        assertEquals(message, e.getMessage());
    }
}
