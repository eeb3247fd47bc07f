package io.jynq.capi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad cores: each gives one message that names the place, the bad value and what was expected. */
class CoreErrorsTest {

    static Stream<Arguments> badCores() {
        return Stream.of(
                Arguments.of("header without colon", "CAPI=2\nname: ::a:0\n",
                        "x.core:1:1: line 1 is \"CAPI=2\"; add the colon: \"CAPI=2:\""),
                Arguments.of("SPDX comment before header", "# SPDX-License-Identifier: MIT\nCAPI=2:\nname: ::a:0\n",
                        "x.core:1:1: line 1 is \"# SPDX-License-Identifier: MIT\" but a core file must start with"
                                + " \"CAPI=2:\" on line 1"),
                Arguments.of("CAPI 1", "CAPI=1\n[main]\n", "x.core:1:1: line 1 is \"CAPI=1\"; only CAPI=2: cores are supported"),
                Arguments.of("no name", "CAPI=2:\ndescription: d\n",
                        "x.core:2:1: the core has no \"name\" (a VLNV such as vendor:library:name:1.0)"),
                Arguments.of("bad VLNV", "CAPI=2:\nname: a:b\n",
                        "x.core:2:7: illegal core name \"a:b\": expected vendor:library:name:version (vendor and library"
                                + " may be empty, as in ::fifo:1.3-r1), found 2 parts"),
                Arguments.of("VLNV with empty name", "CAPI=2:\nname: 'v:l::1.0'\n",
                        "x.core:2:7: illegal core name \"v:l::1.0\": the name part is empty"),
                Arguments.of("unknown top-level key", "CAPI=2:\nname: ::a:0\nfilesets: {}\ntragets: {}\n",
                        "x.core:4:1: unknown key \"tragets\" in the core; expected one of description, filesets, generate,"
                                + " generators, license, mapping, name, parameters, provider, scripts, targets, virtual, vpi"),
                Arguments.of("unknown target key", "CAPI=2:\nname: ::a:0\ntargets:\n  sim:\n    toplevl: tb\n",
                        "x.core:5:5: unknown key \"toplevl\" in target \"sim\"; expected one of default_tool, description,"
                                + " filesets, filesets_append, filters, filters_append, flags, flow, flow_options, generate,"
                                + " generate_append, hooks, parameters, parameters_append, tools, toplevel, vpi, vpi_append"),
                Arguments.of("_append on a non-list key", "CAPI=2:\nname: ::a:0\ntargets:\n  sim:\n    toplevel_append: tb\n",
                        "x.core:5:5: unknown key \"toplevel_append\" in target \"sim\"; only list keys have an _append form"),
                Arguments.of("missing datatype", "CAPI=2:\nname: ::a:0\nparameters:\n  width:\n    paramtype: vlogparam\n",
                        "x.core:4:3: parameter \"width\" has no \"datatype\"; datatype is one of [bool, file, int, real, str]"),
                Arguments.of("missing paramtype", "CAPI=2:\nname: ::a:0\nparameters:\n  width: {datatype: int}\n",
                        "x.core:4:3: parameter \"width\" has no \"paramtype\"; paramtype is one of cmdlinearg, generic,"
                                + " plusarg, vlogdefine, vlogparam"),
                Arguments.of("bad datatype", "CAPI=2:\nname: ::a:0\nparameters:\n  w: {datatype: integer, paramtype: generic}\n",
                        "x.core:4:17: parameter \"w\" datatype is \"integer\"; expected one of bool, file, int, real, str"),
                Arguments.of("empty files list", "CAPI=2:\nname: ::a:0\nfilesets:\n  rtl:\n    files: []\n",
                        "x.core:5:12: fileset \"rtl\" files is empty; FuseSoC needs at least one file (leave \"files\" out instead)"),
                Arguments.of("file map with two keys", "CAPI=2:\nname: ::a:0\nfilesets:\n  rtl:\n    files:\n      - {a: {}, b: {}}\n",
                        "x.core:6:9: a file in fileset \"rtl\" files must be a path or a one-key mapping {path: {attributes}},"
                                + " found a mapping"),
                Arguments.of("unknown file attribute", "CAPI=2:\nname: ::a:0\nfilesets:\n  rtl:\n    files:\n      - a.v: {filetype: x}\n",
                        "x.core:6:15: unknown key \"filetype\" in file \"a.v\"; expected one of copyto, define, file_type,"
                                + " include_path, is_include_file, logical_name, tags"),
                Arguments.of("unquoted negated conditional", "CAPI=2:\nname: ::a:0\ntargets:\n  t:\n    filesets: [!x ? (a)]\n",
                        "x.core:5:19: YAML syntax error: while parsing a flow sequence: expected ',' or ']', but got ?"
                                + " (a string starting with '!' must be quoted, e.g. \"!tool_icarus? (file.v)\")"),
                Arguments.of("unquoted negated conditional, block list",
                        "CAPI=2:\nname: ::a:0\nfilesets:\n  r:\n    files:\n      - !tool_verilator ? (foo)\n",
                        "x.core:6:25: YAML syntax error: mapping keys are not allowed here (a string starting with '!' must be"
                                + " quoted, e.g. \"!tool_icarus? (file.v)\")"),
                Arguments.of("explicit tag", "CAPI=2:\nname: ::a:0\ndescription: !custom text\n",
                        "x.core:3:14: unsupported YAML tag !custom (a string starting with '!' must be quoted, e.g."
                                + " \"!tool_icarus? (file.v)\")"),
                Arguments.of("merge of a list", "CAPI=2:\nname: ::a:0\ntargets:\n  a: &a {}\n  b:\n    <<: [*a]\n",
                        "x.core:6:5: invalid use of the inheritance operator <<: expected a mapping such as *default,"
                                + " found a list"),
                Arguments.of("recursive alias", "CAPI=2:\nname: ::a:0\ntargets: &t\n  a: *t\n",
                        "x.core:3:10: an alias refers to a collection that contains it (recursive alias)"),
                Arguments.of("duplicate key", "CAPI=2:\nname: ::a:0\ntargets:\n  a: {}\n  a: {}\n",
                        "x.core:5:3: duplicate key \"a\""),
                Arguments.of("malformed conditional", "CAPI=2:\nname: ::a:0\ntargets:\n  t:\n    filesets: [\"x ? (a\"]\n",
                        "x.core:5:16: bad conditional: missing ')' for 'x ?' at character 7 of \"x ? (a\""),
                Arguments.of("provider missing url", "CAPI=2:\nname: ::a:0\nprovider: {name: url, filetype: tar}\n",
                        "x.core:3:11: provider url has no \"url\""),
                Arguments.of("document is a list", "CAPI=2:\n- name\n",
                        "x.core:2:1: a core must be a mapping of keys (name, filesets, targets...), found a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCores")
    void refusedWithLocation(String what, String text, String message) {
        CapiException e = assertThrows(CapiException.class, () -> Core.parse(text, "x.core").sections(Flags.of()));
        assertEquals(message, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void malformedConditionalFailsWhenEvaluated() {
        Core c = Core.parse("CAPI=2:\nname: ::a:0\ntargets:\n  t:\n    filesets: [\"x ? (a\"]\n", "x.core");
        CapiException e = assertThrows(CapiException.class, () -> c.resolve("t", Flags.of()));
        assertEquals("x.core:5:16: bad conditional: missing ')' for 'x ?' at character 7 of \"x ? (a\"", e.getMessage());
    }
}
