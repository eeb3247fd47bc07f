package io.jynq.capi;

import io.jynq.error.SourcePosition;
import io.jynq.capi.YamlValue.Entry;
import io.jynq.capi.YamlValue.YamlMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A FuseSoC CAPI2 core file, read and validated. Reading follows FuseSoC f0ed781: line 1 must
 * be {@code CAPI=2:}; {@code <<} inheritance is applied with FuseSoC's deep merge; the result is
 * checked against FuseSoC's JSON schema; then {@code _append} lists are added. Conditionals are
 * kept until {@link #sections(Flags)} or {@link #resolve(Flags)} evaluates them.
 *
 * <pre>{@code
 * Core core = Core.parse(Path.of("servant.core"));
 * core.name();                                   // award-winning:serv:servant:1.4.0
 * ResolvedTarget sim = core.resolve("sim", Flags.of().with("mdu"));
 * sim.fileNames();                               // [servant/servant_timer.v, ...]
 * sim.parameters().get("MDU").defaultValue();    // 1L
 * }</pre>
 *
 * Instances are immutable and safe to share between threads.
 */
public final class Core {
    private final String file;
    private final YamlMap tree;
    private final YamlMap appended;
    private final CoreSections sections;

    private Core(String file, YamlMap tree) {
        this.file = file;
        this.tree = tree;
        this.appended = (YamlMap) Inheritance.applyAppends(tree);
        this.sections = CoreRecords.build(appended);
    }

    /**
     * Reads a core file (UTF-8).
     *
     * @throws CapiException        when the file is not a valid CAPI2 core; the message starts with
     *                              {@code file:line:column}
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Core parse(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read core file " + path + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CapiException(new SourcePosition(path.toString(), 1, 1), "not UTF-8 text", e);
        }
        return parse(text, path.toString());
    }

    /** As {@link #parse(String, String, boolean)}, refusing keys the schema does not know. */
    public static Core parse(String text, String file) {
        return parse(text, file, false);
    }

    /**
     * Parses core-file text.
     *
     * @param text                      the whole file, header included
     * @param file                      the name errors cite
     * @param allowAdditionalProperties accept keys the CAPI2 schema does not list (FuseSoC's
     *                                  option of that name); they are kept in {@link #data()} only
     * @throws CapiException at the first problem: header, YAML syntax, inheritance, schema, VLNV
     */
    public static Core parse(String text, String file, boolean allowAdditionalProperties) {
        YamlValue root = CoreYamlReader.read(text, file);
        if (!(root instanceof YamlMap)) {
            throw new CapiException(root.at(), "a core must be a mapping of keys (name, filesets, targets...), found "
                    + YamlValue.typeName(root));
        }
        YamlMap elaborated = (YamlMap) Inheritance.elaborate(root);
        new CoreSchema(allowAdditionalProperties).validate(elaborated);
        return new Core(file, elaborated);
    }

    /** The file name given to the parser. */
    public String file() {
        return file;
    }

    /** The core's VLNV. */
    public CoreVlnv name() {
        return sections.name();
    }

    /**
     * The core as plain data after inheritance and before {@code _append} handling: what
     * FuseSoC's {@code Core2Parser.read} returns (nested LinkedHashMap, ArrayList, String, Long,
     * Double, Boolean). A fresh copy on each call.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data() {
        return (Map<String, Object>) tree.plain();
    }

    /** Everything the core says, conditionals kept as written, {@code _append} lists applied. */
    public CoreSections sections() {
        return sections;
    }

    /**
     * The core with every conditional evaluated for {@code flags} (FuseSoC's {@code get_targets},
     * {@code get_filesets}... with flags).
     *
     * @throws CapiException at a malformed conditional
     */
    public CoreSections sections(Flags flags) {
        return CoreRecords.build(expanded(flags));
    }

    private YamlMap expanded(Flags flags) {
        Set<String> defined = flags.defined();
        List<Entry> out = new ArrayList<>();
        for (Entry e : appended.entries()) {
            boolean evaluated = switch (e.key()) {
                case "filesets", "targets", "parameters", "generate", "generators", "scripts", "vpi", "virtual" -> true;
                default -> false;
            };
            out.add(evaluated ? new Entry(e.key(), e.keyAt(), Expansion.expand(e.value(), defined)) : e);
        }
        return new YamlMap(out, appended.at());
    }

    /**
     * The flags a target sets for itself: its {@code flags} plus {@code tool} from its
     * {@code default_tool} (FuseSoC's {@code get_flags}).
     *
     * @throws CapiException if the core has no such target, listing those it has
     */
    public Flags targetFlags(String target) {
        Target t = sections.targets().get(target);
        if (t == null) {
            throw new CapiException(new SourcePosition(file, 1, 1), "core " + name() + " has no target \"" + target
                    + "\"; targets: " + String.join(", ", sections.targets().keySet()));
        }
        Map<String, Object> m = new LinkedHashMap<>(t.flags());
        if (!t.defaultTool().isEmpty()) {
            m.put("tool", t.defaultTool());
        }
        return new Flags(m);
    }

    /**
     * Resolves the target the flags select ({@code target} with {@code is_toplevel: true}, else
     * {@code default}). A missing {@code default} gives an empty result, as for a core used only
     * as a dependency.
     *
     * @throws CapiException if a selected non-default target does not exist, or it refers to a
     *                       fileset, parameter, script or generate section that does not exist, or a
     *                       parameter value does not fit its datatype
     */
    public ResolvedTarget resolve(Flags flags) {
        return resolve(flags, Map.of());
    }

    /**
     * As {@link #resolve(Flags)}, where the target may also name parameters that the core's
     * dependencies define (FuseSoC's {@code ext_parameters}; OpenTitan's lint targets name
     * {@code SYNTHESIS} this way). This core's own definition wins over a dependency's.
     *
     * @param dependencyParameters parameters by name from the dependencies, e.g. their
     *                             {@link CoreSections#parameters()}
     */
    public ResolvedTarget resolve(Flags flags, Map<String, Parameter> dependencyParameters) {
        return TargetResolver.resolve(sections(flags), flags, new SourcePosition(file, 1, 1), dependencyParameters);
    }

    /**
     * Resolves {@code target} as the top-level core, the way {@code fusesoc run --target} does:
     * the target's own flags and tool, then {@code userFlags} on top, {@code target} and
     * {@code is_toplevel: true}.
     *
     * @throws CapiException as {@link #targetFlags(String)} and {@link #resolve(Flags)}
     */
    public ResolvedTarget resolve(String target, Flags userFlags) {
        Map<String, Object> m = new LinkedHashMap<>(targetFlags(target).values());
        m.putAll(userFlags.values());
        m.put("target", target);
        m.put("is_toplevel", Boolean.TRUE);
        return resolve(new Flags(m));
    }

    @Override
    public String toString() {
        return "Core[" + name() + ", " + sections.targets().size() + " targets, " + sections.filesets().size()
                + " filesets]";
    }
}
