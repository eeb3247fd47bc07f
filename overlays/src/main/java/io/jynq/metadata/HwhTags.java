package io.jynq.metadata;

/**
 * The attributes {@link HwhReader} keeps from the start tag of a MODULE, PORT or BUSINTERFACE,
 * each by name (the tag is read once, when it opens; the element is built when it closes).
 * Attribute names as in the {@code .hwh} (see {@code ../shared/notes/pynq.md}, section 3).
 */
final class HwhTags {
    private static final XmlName INSTANCE = XmlName.of("INSTANCE");
    private static final XmlName FULLNAME = XmlName.of("FULLNAME");
    private static final XmlName VLNV = XmlName.of("VLNV");
    private static final XmlName MODTYPE = XmlName.of("MODTYPE");
    private static final XmlName IPTYPE = XmlName.of("IPTYPE");
    private static final XmlName MODCLASS = XmlName.of("MODCLASS");
    private static final XmlName BDTYPE = XmlName.of("BDTYPE");
    private static final XmlName DIR = XmlName.of("DIR");
    private static final XmlName SIGIS = XmlName.of("SIGIS");
    private static final XmlName SIGNAME = XmlName.of("SIGNAME");
    private static final XmlName LEFT = XmlName.of("LEFT");
    private static final XmlName RIGHT = XmlName.of("RIGHT");
    private static final XmlName SENSITIVITY = XmlName.of("SENSITIVITY");
    private static final XmlName CLKFREQUENCY = XmlName.of("CLKFREQUENCY");
    private static final XmlName TYPE = XmlName.of("TYPE");
    private static final XmlName BUSNAME = XmlName.of("BUSNAME");

    private HwhTags() {
    }

    /** {@code <MODULE INSTANCE FULLNAME VLNV MODTYPE IPTYPE MODCLASS BDTYPE>}; offset of the tag. */
    record ModuleTag(int offset, String instance, String fullname, String vlnv, String modType, String ipType,
            String modClass, String bdType) {
        /** @throws MetadataException at the tag if INSTANCE or FULLNAME is missing */
        static ModuleTag read(XmlScanner x) {
            ModuleTag t = new ModuleTag(x.offset(), x.attr(INSTANCE), x.attr(FULLNAME), x.attr(VLNV), x.attr(MODTYPE),
                    x.attr(IPTYPE), x.attr(MODCLASS), x.attr(BDTYPE));
            if (t.instance == null) {
                throw x.error(t.offset, "MODULE without INSTANCE; expected INSTANCE=\"name\"");
            }
            if (t.fullname == null) {
                throw x.error(t.offset, "MODULE " + t.instance + " without FULLNAME; expected FULLNAME=\"/path\"");
            }
            return t;
        }
    }

    /** {@code <PORT NAME DIR SIGIS SIGNAME LEFT RIGHT SENSITIVITY CLKFREQUENCY>}; offset of the tag. */
    record PortTag(int offset, String name, String dir, String sigis, String signame, String left, String right,
            String sensitivity, String clkFrequency) {
        /** @throws MetadataException at the tag if NAME is missing */
        static PortTag read(XmlScanner x) {
            PortTag t = new PortTag(x.offset(), x.attr(HwhReader.A_NAME), x.attr(DIR), x.attr(SIGIS), x.attr(SIGNAME),
                    x.attr(LEFT), x.attr(RIGHT), x.attr(SENSITIVITY), x.attr(CLKFREQUENCY));
            if (t.name == null) {
                throw x.error(t.offset, "PORT without NAME; expected NAME=\"port\"");
            }
            return t;
        }

        /**
         * The port with its connections, LEFT/RIGHT as signed ints and CLKFREQUENCY in Hz (null
         * when absent or not an integer, as PYNQ skips it).
         *
         * @throws MetadataException at the tag if LEFT or RIGHT is not an integer
         */
        PortDescription build(XmlScanner x, java.util.List<PortRef> connections) {
            Integer l = left == null ? null : (int) Numbers.signedInt(left, "LEFT", x, offset);
            Integer r = right == null ? null : (int) Numbers.signedInt(right, "RIGHT", x, offset);
            Long clk = clkFrequency == null ? null : Numbers.integerOrNull(clkFrequency);
            return new PortDescription(name, PortDirection.fromHwh(dir), sigis, signame, l, r, sensitivity, clk, connections);
        }
    }

    /** {@code <BUSINTERFACE NAME TYPE VLNV BUSNAME>}; offset of the tag. */
    record BusTag(int offset, String name, String type, String vlnv, String busName) {
        /** @throws MetadataException at the tag if NAME is missing */
        static BusTag read(XmlScanner x) {
            BusTag t = new BusTag(x.offset(), x.attr(HwhReader.A_NAME), x.attr(TYPE), x.attr(VLNV), x.attr(BUSNAME));
            if (t.name == null) {
                throw x.error(t.offset, "BUSINTERFACE without NAME; expected NAME=\"interface\"");
            }
            return t;
        }
    }
}
