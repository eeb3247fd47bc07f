package io.jynq.magics;

import io.jynq.config.InvalidSettingException;
import io.jynq.overlay.Bitstream;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code %%require_overlay NAME}: a notebook that needs a design JYNQ does not ship (JYNQ ships only
 * designs it wrote itself) checks for it first. Found (by path or name, as {@code %overlay load}
 * finds overlays: the working directory, the bundled ones, {@code JYNQ_OVERLAY_PATH}), with its
 * {@code .hwh} beside it: one line says where. Missing: the cell's body, the notebook author's
 * exact steps to get the design, is printed, and the notebook's later cells are skipped (each
 * says so in one line) instead of failing one after another.
 */
public final class RequireOverlayMagic implements CellMagic {
    static final String USAGE = "%%require_overlay NAME   (body: the steps to get it, shown when it is missing)";

    @Override
    public String name() {
        return "require_overlay";
    }

    @Override
    public String help() {
        return "check that an overlay a notebook needs can be found; if not, show how to get it and skip the later cells";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Object eval(MagicContext ctx, List<String> args, String body) {
        if (args.size() != 1) {
            throw new MagicUsageException("expected " + USAGE + ", got " + args);
        }
        String name = args.get(0);
        String problem;
        try {
            Bitstream b = Bitstream.find(name, null);
            if (b.hwh() != null && Files.isRegularFile(b.hwh())) {
                NotebookGate.open();
                ctx.out().println(name + ": " + b.bitfile() + " (metadata " + b.hwh().getFileName() + " beside it)");
                return null;
            }
            problem = name + " was found at " + b.bitfile() + " but its .hwh is not beside it";
        } catch (IllegalArgumentException | InvalidSettingException e) {
            problem = e.getMessage();
        }
        NotebookGate.close(name + " is missing");
        ctx.out().println("This notebook needs the overlay " + name + ", which JYNQ does not ship.\n" + problem + "\n");
        ctx.out().println(body.strip());
        ctx.out().println("\nThe remaining cells are skipped until this cell finds it (run it again after the steps).");
        return null;
    }
}
