package io.jynq.ffi.isolate;

import io.jynq.ffi.cheader.CDeclaration;
import io.jynq.ffi.cheader.NativeLink;
import java.nio.file.Path;
import java.util.List;

/**
 * A library loaded in the helper process: its file, its call shim, the functions to bind, and
 * where it is loaded in the current helper ({@code generation}; -1 when not loaded).
 */
final class HelperLink implements NativeLink {
    private final NativeHelper helper;
    final Path library;
    final Path shim;
    final List<String> names;
    int generation = -1;
    int libId;
    int[] fnIds;

    HelperLink(NativeHelper helper, Path library, Path shim, List<CDeclaration> functions) {
        this.helper = helper;
        this.library = library.toAbsolutePath().normalize();
        this.shim = shim.toAbsolutePath().normalize();
        this.names = functions.stream().map(CDeclaration::name).toList();
    }

    @Override
    public Call bind(CDeclaration declaration) {
        int index = names.indexOf(declaration.name());
        if (index < 0) {
            throw new IllegalArgumentException(declaration.name() + " is not among the functions loaded: " + names);
        }
        return values -> helper.call(this, index, declaration, values);
    }

    @Override
    public void unload() {
        helper.unload(this);
    }
}
