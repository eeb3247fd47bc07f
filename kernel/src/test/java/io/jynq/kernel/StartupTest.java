package io.jynq.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartupTest {
    private final ClassLoader loader = StartupTest.class.getClassLoader();

    @Test
    void packagesWithClassesArePresentOthersNot() {
        assertTrue(Startup.present(loader, "io.jynq.kernel.eval"), "a classes directory");
        assertTrue(Startup.present(loader, "org.knowm.xchart"));
        assertFalse(Startup.present(loader, "io.jynq.nosuch"));
    }

    @Test
    void importsStartWithTheDisplayStaticsAndListOnlyPresentPackages() {
        String imports = Startup.imports(loader);
        assertTrue(imports.startsWith("import static io.jynq.render.Notebook.*;\n"), imports);
        assertTrue(imports.contains("import org.knowm.xchart.*;\n") && imports.contains("import tech.tablesaw.api.*;\n"));
        for (String p : Startup.JYNQ_PACKAGES) {
            assertTrue(imports.contains("import " + p + ".*;") == Startup.present(loader, p), p);
        }
    }

    @Test
    void bannerNamesVersionJdkAndDevice() {
        String b = KernelInfo.banner();
        assertTrue(b.startsWith("JYNQ " + KernelInfo.version() + " | Java " + Runtime.version()), b);
        assertTrue(b.contains("device: " + KernelInfo.device()), b);
        assertFalse(KernelInfo.version().contains("${"), "version.properties is filtered by the build");
    }
}
