package io.jynq.capi;

import io.jynq.error.SourcePosition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jynq.testing.SharedData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FuseSoC's own parser test cores (olofk/fusesoc f0ed781, tests/capi2_cores), each test mirroring
 * the assertions of one function of FuseSoC's {@code tests/test_capi2.py}, named in its Javadoc.
 * Expected values are taken from those assertions, not from running our parser.
 */
@SuppressWarnings("unchecked")
class FusesocCoresTest {

    static Core core(String name) {
        return Core.parse(SharedData.capi2("fusesoc-tests/" + name));
    }

    /** The file, looked up outside assertThrows so a missing shared folder skips instead of failing. */
    static java.nio.file.Path file(String name) {
        return SharedData.capi2("fusesoc-tests/" + name);
    }

    static Flags top(String target) {
        return Flags.of().toplevel(true).target(target);
    }

    /** test_inheritance: the whole parsed dictionary of parser/inheritance.core. */
    @Test
    void inheritanceGivesFusesocsDictionary() {
        Map<String, Object> expected = map(
                "name", "::inheritance:0",
                "filesets", map(
                        "fileset_a", map("files", List.of("1.txt", "2.txt", "3.txt")),
                        "fileset_b", map("files", List.of("4.txt", "5.txt", "6.txt")),
                        "fileset_c", map("files", List.of("7.txt", "8.txt", "9.txt"))),
                "targets", map(
                        "default", map("filesets", List.of("fileset_a")),
                        "child", map("filesets", List.of("fileset_a"), "filesets_append", List.of("fileset_b")),
                        "grandchild", map("filesets", List.of("fileset_a"),
                                "filesets_append", List.of("fileset_b", "fileset_c")),
                        "child2", map("filesets", List.of("fileset_b"), "filesets_append", List.of("fileset_c")),
                        "subfield", map("tools", map("verilator", map("mode", "cc",
                                "verilator_options", List.of("--timing")))),
                        "subfield_child", map("tools", map("verilator", map("mode", "lint-only",
                                "verilator_options", List.of("--timing")))),
                        "merge_test1", map("filesets", List.of("fileset_a")),
                        "merge_test2<<", map("tools", map("2<<", map())),
                        "<<merge_test3", map("tools", map("<<3", map())),
                        "merge_test4", map("tools", map("t4", map("t44", "<<4", "filesets", List.of("fileset_a"))),
                                "filesets", List.of("fileset_a")),
                        "merge_test5", map("filesets", List.of("fileset_a"))));
        assertEquals(expected, core("inheritance.core").data());
    }

    /** test_inheritance, continued: what the appends make of it (filesets per target). */
    @Test
    void inheritedAppendsResolveToConcatenatedFilesets() {
        Core c = core("inheritance.core");
        assertEquals(List.of("fileset_a", "fileset_b", "fileset_c"), c.sections().targets().get("grandchild").filesets());
        assertEquals(List.of("fileset_b", "fileset_c"), c.sections().targets().get("child2").filesets());
        assertEquals(List.of("1.txt", "2.txt", "3.txt", "4.txt", "5.txt", "6.txt"),
                c.resolve(top("child")).fileNames());
    }

    /** test_core2parser: no_additional_properties.core parses to FuseSoC's dictionary. */
    @Test
    void noAdditionalPropertiesParses() {
        Map<String, Object> expected = map(
                "name", "::noadditionalproperties:0",
                "filesets", map("somename", map("files",
                        List.of("somefile1", map("someincludefile1", map("is_include_file", true))))),
                "targets", map("default", map("filesets", List.of("somename"))));
        assertEquals(expected, core("no_additional_properties.core").data());
    }

    /** test_core2parser: with_additional_properties.core is refused by default and read with the option. */
    @Test
    void additionalPropertiesRefusedUnlessAllowed() {
        java.nio.file.Path f = file("with_additional_properties.core");
        CapiException e = assertThrows(CapiException.class, () -> Core.parse(f));
        assertEquals(12, e.location().line());
        assertTrue(e.getMessage().contains("unknown key \"mycustomprop1\" in fileset \"somename\""), e.getMessage());

        String text = read("with_additional_properties.core");
        Core c = Core.parse(text, "with_additional_properties.core", true);
        Map<String, Object> expected = map(
                "name", "::withadditionalproperties:0",
                "filesets", map("somename", map(
                        "files", List.of("somefile1", map("someincludefile1", map("is_include_file", true))),
                        "mycustomprop1", "this is a custom property",
                        "mycustomprop2", 1L)),
                "targets", map("default", map("filesets", List.of("somename"))),
                "mycustomprop3", map("subitem1", "mystring", "subitem2", List.of("list_item_1", "list_item_2")));
        assertEquals(expected, c.data());
    }

    /** test_capi2_append: files per target of append.core. */
    @Test
    void appendCombinesFilesetsAndFilesetsAppend() {
        Core c = core("append.core");
        assertEquals(List.of(), c.resolve(top("no_fs_no_fsappend")).fileNames());
        assertEquals(List.of("file3", "file4"), c.resolve(top("no_fs_fsappend")).fileNames());
        assertEquals(List.of("file1", "file2"), c.resolve(top("fs_no_fsappend")).fileNames());
        assertEquals(List.of("file1", "file2", "file3", "file4"), c.resolve(top("fs_fsappend")).fileNames());
    }

    /** test_capi2_get_depends: the 18 dependencies of depends.core with no flags (target default). */
    @Test
    void dependsParseAsFusesocVlnvs() {
        List<String> expected = List.of(
                ">=::unversioned:0", "::versioned:1.0", "<::lt:1.0", "<=::lte:1.0", "::eq:1.0", ">::gt:1.0",
                ">=::gte:1.0", ">=::n:0", "::nv:1.0", ":l:nv:1.0", "v:l:nv:1.0", "<::vlnvlt:1.0", "<=::vlnvlte:1.0",
                "::vlnveq:1.0", ">::vlnvgt:1.0", ">=::vlnvgte:1.0", "^::vlnvmajor:1.0", "~::vlnvminor:2.2.3");
        List<String> got = core("depends.core").resolve(Flags.of()).depends().stream().map(CoreVlnv::depString).toList();
        assertEquals(expected, got);
    }

    /** test_capi2_get_files: default target of files.core with tool icarus, attributes as FuseSoC lists them. */
    @Test
    void filesCarryFilesetDefaultsAndOwnAttributes() {
        List<FileEntry> files = core("files.core").resolve(Flags.of().tool("icarus")).files();
        assertEquals(List.of("vlogfile", "vhdlfile", "subdir/dummy.extra", "dummy.tcl", "vlogfile", "vhdlfile",
                "pickthisfile"), files.stream().map(FileEntry::name).toList());
        assertEquals(List.of("vhdlSource", "vhdlSource", "user", "tclSource", "verilogSource", "vhdlSource", "user"),
                files.stream().map(FileEntry::fileType).toList());
        assertEquals(List.of("overridden_logical_name", "default_logical_name", "", "", "", "", ""),
                files.stream().map(FileEntry::logicalName).toList());
        assertEquals(List.of("", "", "copied.file", "subdir/another.file", "", "", ""),
                files.stream().map(FileEntry::copyto).toList());
        assertEquals(List.of(false, false, false, false, true, false, false),
                files.stream().map(FileEntry::isIncludeFile).toList());
    }

    /** test_capi2_get_files: without tool icarus the negated conditional picks dontpickthisfile. */
    @Test
    void negatedConditionalPicksTheOtherFileset() {
        List<String> names = core("files.core").resolve(Flags.of()).fileNames();
        assertEquals("dontpickthisfile", names.get(names.size() - 1));
        assertFalse(names.contains("pickthisfile"));
    }

    /** test_capi2_get_files, second part: fileattrs.core defines. */
    @Test
    void fileDefinesAreKept() {
        List<FileEntry> files = core("fileattrs.core").resolve(top("defines")).files();
        assertEquals(Map.of("key1", "value1", "key2", "value2"), files.get(0).define());
        assertEquals(Map.of(), files.get(1).define());
        assertEquals(List.of("hasdefines", "nodefines"), files.stream().map(FileEntry::name).toList());
    }

    /** test_capi2_type_check: a file_type given as a list is refused. */
    @Test
    void typecheckRefusesListFileType() {
        java.nio.file.Path f = file("typecheck.core");
        CapiException e = assertThrows(CapiException.class, () -> Core.parse(f));
        assertEquals(new SourcePosition(SharedData.capi2("fusesoc-tests/typecheck.core").toString(), 24, 7), e.location());
        assertTrue(e.detail().contains("file_type must be a string, found a list"), e.detail());
    }

    /** test_capi2_get_filters. */
    @Test
    void filters() {
        Core c = core("filters.core");
        assertEquals(List.of(), c.resolve(top("nofilters")).filters());
        assertEquals(List.of(), c.resolve(top("emptyfilters")).filters());
        assertEquals(List.of("corefilter1", "corefilter2"), c.resolve(top("filters")).filters());
    }

    /** test_capi2_get_flags. */
    @Test
    void targetFlags() {
        Core c = core("flags.core");
        CapiException e = assertThrows(CapiException.class, () -> c.targetFlags("bad_target"));
        assertTrue(e.getMessage().contains("::flags:0 has no target \"bad_target\""), e.getMessage());
        assertEquals(Map.of(), c.targetFlags("noflags").values());
        assertEquals(Map.of(), c.targetFlags("emptyflags").values());
        assertEquals(Map.of("tool", "mytool"), c.targetFlags("emptyflagstool").values());
        assertEquals(Map.of("flag1", false, "flag2", true, "flag3", true), c.targetFlags("allflags").values());
        assertEquals(Map.of("flag1", false, "flag2", true, "tool", "mytool"), c.targetFlags("allflagstool").values());
    }

    /** test_capi2_get_scripts: hooks.core, script lists per hook and the flag-dependent hook. */
    @Test
    void hooksResolveToScripts() {
        Core c = core("hooks.core");
        assertEquals(Map.of("pre_build", List.of("simple1")), scriptNames(c.resolve(Flags.of().toplevel(true))));
        assertEquals(Map.of(), scriptNames(c.resolve(top("nohooks"))));
        CapiException e = assertThrows(CapiException.class, () -> c.resolve(top("nonexistant")));
        assertTrue(e.getMessage().contains("Script \"idontexist\", requested by target \"nonexistant\", was not found"),
                e.getMessage());
        assertEquals(Map.of("pre_build", List.of("simple1"), "post_build", List.of("simple2"),
                "pre_run", List.of("simple3"), "post_run", List.of("simple4")), scriptNames(c.resolve(top("allhooks"))));
        ResolvedTarget multi = c.resolve(top("multihooks"));
        assertEquals(Map.of("pre_run", List.of("simple1", "with_env", "multi_cmd")), scriptNames(multi));
        assertEquals(Map.of("TESTENV", "testvalue"), multi.hooks().get("pre_run").get(1).env());
        assertEquals(List.of("command", "with", "args"), multi.hooks().get("pre_run").get(2).cmd());
        assertEquals(Map.of("post_run", List.of("simple2")), scriptNames(c.resolve(top("use_flags"))));
        assertEquals(Map.of("post_run", List.of("simple1")), scriptNames(c.resolve(top("use_flags").tool("icarus"))));
    }

    /** test_capi2_get_tool_options: targets.core. */
    @Test
    void toolOptionsFollowTheToolFlag() {
        Core c = core("targets.core");
        assertEquals(Map.of(), c.resolve(Flags.of().tool("icarus")).toolOptions());
        Flags f = top("target_with_tool_options");
        assertEquals(Map.of("iverilog_options", List.of("a", "few", "options")), c.resolve(f.tool("icarus")).toolOptions());
        assertEquals(Map.of("part", "xc7a35tcsg324-1"), c.resolve(f.tool("vivado")).toolOptions());
        assertEquals(Map.of(), c.resolve(f.tool("invalid")).toolOptions());
    }

    /** test_capi2_get_toplevel (FuseSoC raises for no_toplevel; here the list is empty). */
    @Test
    void toplevelAsStringOrList() {
        Core c = core("toplevel.core");
        assertEquals(List.of(), c.resolve(top("no_toplevel")).toplevel());
        assertEquals("toplevel_as_string", c.sections().targets().get("str_toplevel").toplevelString());
        assertEquals("toplevel as list", c.sections().targets().get("list_toplevel").toplevelString());
    }

    /** test_capi2_get_vpi. */
    @Test
    void vpiLibraries() {
        Core c = core("vpi.core");
        List<VpiLibrary> expected = List.of(
                new VpiLibrary("vpi1", List.of("f1", "f3"), List.of(""), List.of("some_lib")),
                new VpiLibrary("vpi2", List.of("f4"), List.of(), List.of()));
        assertEquals(expected, c.resolve(Flags.of().toplevel(true)).vpi());
        assertEquals(expected, c.resolve(Flags.of().toplevel(false)).vpi());
        assertThrows(CapiException.class, () -> c.resolve(top("invalid")), "FuseSoC returns [] for an unknown target");
    }

    /** test_empty_core: an empty file is refused. */
    @Test
    void emptyCoreRefused() {
        java.nio.file.Path f = file("empty.core");
        CapiException e = assertThrows(CapiException.class, () -> Core.parse(f));
        assertEquals(1, e.location().line());
        assertTrue(e.detail().contains("must start with \"CAPI=2:\""), e.detail());
    }

    /** test_syntax_error: refused with the line and column where the flow sequence breaks off. */
    @Test
    void syntaxErrorRefusedWithLineAndColumn() {
        java.nio.file.Path f = file("syntax_error.core");
        CapiException e = assertThrows(CapiException.class, () -> Core.parse(f));
        assertEquals(7, e.location().line());
        assertEquals(1, e.location().column());
        assertTrue(e.detail().contains("expected the node content"), e.detail());
        assertTrue(e.getMessage().startsWith(SharedData.capi2("fusesoc-tests/syntax_error.core") + ":7:1: "));
    }

    /** flow.core (used by FuseSoC's flow tests): flow, flow_options and tool from each API. */
    @Test
    void flowAndFlowOptions() {
        Core c = core("flow.core");
        ResolvedTarget r = c.resolve(top("flowoptions"));
        assertEquals("sim", r.flow());
        assertEquals(Map.of("tool1", Map.of("someoption", "somevalue"), "tool2", Map.of("otheroption",
                List.of("detroit", 442L))), r.flowOptions());
        assertEquals("vivado", c.resolve("flowandtool", Flags.of()).tool());
        assertEquals("icestorm", c.resolve("flowandtool", Flags.of()).flow());
    }

    /** uncachable.core: the local provider with cachable False (YAML 1.1 boolean). */
    @Test
    void providerNotCachable() {
        Provider p = core("uncachable.core").sections().provider();
        assertEquals("local", p.name());
        assertFalse(p.cachable());
    }

    /** Every core in the shared folder is covered: each parses, except the four FuseSoC also refuses. */
    @Test
    void everySharedCoreParsesExceptTheKnownBadOnes() throws java.io.IOException {
        java.nio.file.Path dir = SharedData.capi2("fusesoc-tests");
        List<String> refused = new java.util.ArrayList<>();
        int parsed = 0;
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path p : files.filter(f -> f.toString().endsWith(".core")).sorted().toList()) {
                try {
                    Core.parse(p).resolve(Flags.of());
                    parsed++;
                } catch (CapiException e) {
                    refused.add(p.getFileName().toString());
                }
            }
        }
        assertEquals(List.of("empty.core", "syntax_error.core", "typecheck.core", "with_additional_properties.core"),
                refused);
        assertEquals(15, parsed);
    }

    /**
     * FuseSoC's merge_dict concatenates every list below the first level of a merge, not only
     * _append ones (utils.merge_dict called without concat_list_appends_only); kept for fidelity.
     */
    @Test
    void nestedListsConcatenateBelowTheFirstMergeLevel() {
        String text = "CAPI=2:\nname: ::n:0\ntargets:\n  base: &base\n    filesets: [a]\n"
                + "    tools: {verilator: {verilator_options: [--timing]}}\n  child:\n    <<: *base\n    filesets: [b]\n"
                + "    tools: {verilator: {verilator_options: [-Wall]}}\n";
        Map<String, Object> child = (Map<String, Object>) ((Map<String, Object>) Core.parse(text, "n.core").data()
                .get("targets")).get("child");
        assertEquals(List.of("b"), child.get("filesets"));
        assertEquals(map("verilator", map("verilator_options", List.of("--timing", "-Wall"))), child.get("tools"));
    }

    static Map<String, List<String>> scriptNames(ResolvedTarget r) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        r.hooks().forEach((k, v) -> out.put(k, v.stream().map(Script::name).toList()));
        return out;
    }

    static String read(String name) {
        try {
            return java.nio.file.Files.readString(SharedData.capi2("fusesoc-tests/" + name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
