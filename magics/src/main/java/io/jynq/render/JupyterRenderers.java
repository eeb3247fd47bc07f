package io.jynq.render;

import java.util.Base64;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Registers the renderers of this package with a JJava {@link Renderer}, so the last expression
 * of a cell and every {@link DisplaySink} call show the right MIME types: XChart charts as
 * image/png (any chart type, e.g. XYChart and CategoryChart), Tablesaw tables as text/html,
 * progress frames as text/html; each also as text/plain. The kernel calls this once at startup.
 */
public final class JupyterRenderers {
    private static final MIMEType PNG = MIMEType.IMAGE_PNG;
    private static final MIMEType HTML = MIMEType.TEXT_HTML;
    private static final MIMEType TEXT = MIMEType.TEXT_PLAIN;

    private JupyterRenderers() {
    }

    /** Adds the chart, table and progress renderers to {@code renderer}. */
    public static void registerAll(Renderer renderer) {
        renderer.createRegistration(Chart.class).preferring(PNG).supporting(PNG, TEXT)
            .register((chart, ctx) -> {
                ctx.renderIfRequested(PNG, () -> Base64.getEncoder().encodeToString(ChartPng.encode(chart)));
                ctx.renderIfRequested(TEXT, () -> ConsoleSink.text(chart));
            });
        renderer.createRegistration(Table.class).preferring(HTML).supporting(HTML, TEXT)
            .register((table, ctx) -> {
                ctx.renderIfRequested(HTML, () -> TableHtml.render(table));
                ctx.renderIfRequested(TEXT, () -> table.print());
            });
        renderer.createRegistration(ProgressState.class).preferring(HTML).supporting(HTML, TEXT)
            .register((state, ctx) -> {
                ctx.renderIfRequested(HTML, () -> ProgressBar.html(state));
                ctx.renderIfRequested(TEXT, () -> ProgressBar.text(state));
            });
    }
}
