package io.jynq.metadata;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The structural conventions of a {@code .hwh} as Vivado writes it, learnt from the real files in
 * {@code ../shared/testdata/hwh} (which {@link HwhConventionsTest} holds to them too), and the
 * ones PYNQ 3's own parser (pynqmetadata) relies on: it refused JYNQ's hand-written files with
 * {@code WrongPolarityConnection} and {@code PortNotFound} (issue 14). Test code: reads the file
 * with the JDK's DOM, independently of JYNQ's parser.
 */
final class VivadoConventions {
    private VivadoConventions() {}

    private record PortRef(String instance, String port) {
        @Override
        public String toString() {
            return instance + "/" + port;
        }
    }

    /** Every breach of the conventions in {@code file}, one line each; empty when it follows them. */
    static List<String> breaches(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = f.newDocumentBuilder().parse(in);
        }
        List<String> out = new ArrayList<>();
        Map<String, Element> modules = new LinkedHashMap<>();
        for (Element m : all(doc.getDocumentElement(), "MODULE")) {
            modules.put(m.getAttribute("INSTANCE"), m);
        }
        Map<PortRef, Element> ports = new HashMap<>();
        Map<PortRef, Set<PortRef>> links = new HashMap<>();
        Set<String> driven = new HashSet<>();
        for (Element m : modules.values()) {
            String inst = m.getAttribute("INSTANCE");
            for (Element p : children(child(m, "PORTS"), "PORT")) {
                PortRef ref = new PortRef(inst, p.getAttribute("NAME"));
                ports.put(ref, p);
                Set<PortRef> to = new HashSet<>();
                for (Element cs : children(p, "CONNECTIONS")) {  // a vector port has one CONNECTIONS per slice
                    for (Element c : children(cs, "CONNECTION")) {
                        to.add(new PortRef(c.getAttribute("INSTANCE"), c.getAttribute("PORT")));
                    }
                }
                links.put(ref, to);
                if ("O".equals(p.getAttribute("DIR")) && !to.isEmpty()) {
                    driven.add(p.getAttribute("SIGNAME"));
                }
            }
        }
        for (Map.Entry<PortRef, Set<PortRef>> e : links.entrySet()) {
            PortRef from = e.getKey();
            String dir = ports.get(from).getAttribute("DIR");
            for (PortRef to : e.getValue()) {
                if (!modules.containsKey(to.instance())) {
                    continue;  // External_Ports, the design, a hierarchy boundary
                }
                Element target = ports.get(to);
                if (target == null) {
                    out.add("port not found: " + from + " connects to " + to + ", which " + to.instance() + " does not have");
                    continue;
                }
                String tdir = target.getAttribute("DIR");
                if (dir.equals(tdir) && !"IO".equals(dir)) {
                    out.add("wrong polarity: " + from + " (" + dir + ") lists " + to + " (" + tdir + "): Vivado lists"
                            + " an input's driver and an output's loads, never a port of the same direction");
                }
                if (!links.get(to).contains(from)) {
                    out.add("one-sided: " + from + " lists " + to + " but " + to + " does not list " + from);
                }
            }
            if ("I".equals(dir) && e.getValue().isEmpty() && driven.contains(ports.get(from).getAttribute("SIGNAME"))) {
                out.add("unlisted driver: input " + from + " is on net " + ports.get(from).getAttribute("SIGNAME")
                        + ", which an output drives, but has no CONNECTION");
            }
        }
        Map<String, List<String>> masters = new HashMap<>();
        for (Element m : modules.values()) {
            String inst = m.getAttribute("INSTANCE");
            Set<String> interfaces = new HashSet<>();
            for (Element b : children(child(m, "BUSINTERFACES"), "BUSINTERFACE")) {
                interfaces.add(b.getAttribute("NAME"));
                for (Element pm : children(child(b, "PORTMAPS"), "PORTMAP")) {
                    if (!ports.containsKey(new PortRef(inst, pm.getAttribute("PHYSICAL")))) {
                        out.add("port not found: " + inst + "/" + b.getAttribute("NAME") + " maps " + pm.getAttribute("LOGICAL")
                                + " to " + pm.getAttribute("PHYSICAL") + ", which is not a port of " + inst);
                    }
                }
                String type = b.getAttribute("TYPE");
                String bus = b.getAttribute("BUSNAME");
                if (!bus.isEmpty() && !"__NOC__".equals(bus) && ("MASTER".equals(type) || "INITIATOR".equals(type))) {
                    masters.computeIfAbsent(bus, k -> new ArrayList<>()).add(inst + "/" + b.getAttribute("NAME"));
                }
            }
            for (Element r : children(child(m, "MEMORYMAP"), "MEMRANGE")) {
                String master = r.getAttribute("MASTERBUSINTERFACE");
                if (!interfaces.contains(master)) {
                    out.add("port not found: a MEMRANGE of " + inst + " names master interface " + master + ", which "
                            + inst + " does not have");
                }
                Element slave = modules.get(r.getAttribute("INSTANCE"));
                String si = r.getAttribute("SLAVEBUSINTERFACE");
                if (slave == null) {
                    out.add("a MEMRANGE of " + inst + " names instance " + r.getAttribute("INSTANCE") + ", which is no module");
                } else if (children(child(slave, "BUSINTERFACES"), "BUSINTERFACE").stream()
                        .noneMatch(b -> b.getAttribute("NAME").equals(si))) {
                    out.add("port not found: a MEMRANGE of " + inst + " names " + r.getAttribute("INSTANCE") + "/" + si
                            + ", which is not a bus interface of it");
                }
            }
        }
        masters.forEach((bus, ms) -> {
            if (ms.size() > 1) {
                out.add("bus " + bus + " has " + ms.size() + " masters: " + ms);
            }
        });
        return out;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
                return (Element) n;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static List<Element> all(Element root, String name) {
        List<Element> out = new ArrayList<>();
        var list = root.getElementsByTagName(name);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }
}
