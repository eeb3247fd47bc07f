package io.jynq.ip;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The REGISTER/FIELD listing of one MODULE of a real {@code .hwh}, read straight from the XML
 * (independently of the JYNQ parser) so the layouts are checked against Vivado's own output.
 */
final class HwhRegisterListing {
    /** Offset in bytes and fields (name to mask) of one register. */
    record Reg(long offset, Map<String, Long> fieldMasks) {}

    private final Map<String, Reg> registers = new LinkedHashMap<>();

    HwhRegisterListing(Path hwh, String fullname) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(hwh.toFile());
        NodeList modules = doc.getElementsByTagName("MODULE");
        for (int i = 0; i < modules.getLength(); i++) {
            Element m = (Element) modules.item(i);
            if (!fullname.equals(m.getAttribute("FULLNAME"))) {
                continue;
            }
            NodeList regs = m.getElementsByTagName("REGISTER");
            for (int r = 0; r < regs.getLength(); r++) {
                Element reg = (Element) regs.item(r);
                Map<String, Long> fields = new LinkedHashMap<>();
                NodeList fl = reg.getElementsByTagName("FIELD");
                for (int k = 0; k < fl.getLength(); k++) {
                    Element fe = (Element) fl.item(k);
                    int off = (int) number(property(fe, "BIT_OFFSET"));
                    int width = (int) number(property(fe, "BIT_WIDTH"));
                    fields.put(fe.getAttribute("NAME"), ((width >= 64 ? -1L : (1L << width) - 1) << off) & 0xFFFF_FFFFL);
                }
                registers.put(reg.getAttribute("NAME"), new Reg(number(property(reg, "ADDRESS_OFFSET")), fields));
            }
            return;
        }
        throw new IllegalArgumentException("no MODULE " + fullname + " in " + hwh);
    }

    Reg register(String name) {
        Reg r = registers.get(name);
        if (r == null) {
            throw new AssertionError("no register " + name + "; registers: " + registers.keySet());
        }
        return r;
    }

    /** The PROPERTY children directly below {@code e} (not those of its FIELDs). */
    private static String property(Element e, String name) {
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element c && "PROPERTY".equals(c.getTagName())
                    && name.equals(c.getAttribute("NAME"))) {
                return c.getAttribute("VALUE");
            }
        }
        throw new AssertionError("no PROPERTY " + name + " on " + e.getAttribute("NAME"));
    }

    private static long number(String text) {
        String t = text.trim();
        return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
    }
}
