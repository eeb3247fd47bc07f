package io.jynq.overlay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The IP a {@link DefaultIp} subclass drives, by full VLNV (PYNQ's {@code bindto}), e.g.
 * {@code @BindTo("xilinx.com:ip:axi_dma:7.1")}. An IP whose VLNV differs only in version binds
 * only when the overlay is loaded with {@link LoadOptions#ignoreVersion()}; otherwise it gets
 * {@link DefaultIp} and a warning, as in PYNQ.
 *
 * <p>A VLNV whose name and version are {@code *} ({@code "*:hls:*:*"}) matches every IP of that
 * library, at a lower priority than any exact binding: JYNQ binds HLS IP this way.
 *
 * <p>The class needs a public constructor {@code (Overlay, IpDescription)}, which touches no
 * register (drivers bind on first use, see {@link DefaultIp}), and must be listed by
 * a {@link DriverProvider} or registered with {@link DriverRegistry#register(Class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BindTo {
    /** One or more VLNVs, {@code vendor:library:name:version}. */
    String[] value();
}
