package io.jynq.metadata;

/**
 * The {@code SYSTEMINFO} element of a {@code .hwh}: the device the overlay targets.
 *
 * @param arch the PS family, or null when {@code ARCH} names neither Zynq-7000 nor ZynqMP (the
 *     design is then read like a partial one, without a PS)
 * @param archName the raw {@code ARCH} value, e.g. {@code zynq}, {@code zynquplus}
 * @param device e.g. {@code 7z020}, {@code xczu3eg}, {@code xck26}
 * @param packageName e.g. {@code clg400}
 * @param speedGrade e.g. {@code -1}
 * @param designName the block design name ({@code NAME}), e.g. {@code base}
 * @param board the board part ({@code BOARD}, e.g. {@code xilinx.com:kv260_som:part0:1.3}), or null
 * @param vivadoVersion {@code EDKSYSTEM VIVADOVERSION}, e.g. {@code 2018.3}, or null
 */
public record SystemInfo(Arch arch, String archName, String device, String packageName,
        String speedGrade, String designName, String board, String vivadoVersion) {

    /** The part as Vivado spells it: device, package and speed grade, e.g. {@code 7z020clg400-1}. */
    public String part() {
        return (device == null ? "" : device) + (packageName == null ? "" : packageName)
                + (speedGrade == null ? "" : speedGrade);
    }
}
