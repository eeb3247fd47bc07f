package io.jynq.metadata;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Renders {@link OverlayMetadata} in the shapes of PYNQ's legacy {@code hwh_parser}
 * dictionaries, keys sorted (as {@code json.dumps(sort_keys=True)}), sets as sorted lists.
 * Two PYNQ habits are reproduced on purpose so that the JSON is a drop-in: a field's
 * {@code description} is its register's, and every ip entry has {@code "state": null}.
 */
final class PynqJson {
    private PynqJson() {}

    static String render(OverlayMetadata md) {
        StringWriter out = new StringWriter(1 << 16);
        try (JsonWriter w = new JsonWriter(out)) {
            w.setIndent(" ");
            w.beginObject();
            w.name("clock_dict").beginObject();
            for (ClockInfo c : sortedValues(md.clockDict())) {
                w.name(Integer.toString(c.index())).beginObject();
                w.name("divisor0").value(c.divisor0());
                w.name("divisor1").value(c.divisor1());
                w.name("enable").value(c.enabled() ? 1 : 0);
                w.endObject();
            }
            w.endObject();
            w.name("gpio_dict");
            gpioMap(w, md.gpioDict());
            w.name("hierarchy_dict").beginObject();
            for (String k : sortedKeys(md.hierarchyDict())) {
                w.name(k);
                hierarchy(w, md.hierarchyDict().get(k));
            }
            w.endObject();
            w.name("interrupt_controllers").beginObject();
            for (String k : sortedKeys(md.interruptControllers())) {
                InterruptController c = md.interruptControllers().get(k);
                w.name(k).beginObject();
                w.name("index").value(c.index());
                w.name("parent").value(c.parent());
                if (c.rawIrq() != null) {
                    w.name("raw_irq").value(c.rawIrq());
                }
                w.endObject();
            }
            w.endObject();
            w.name("interrupt_pins");
            pinMap(w, md.interruptPins());
            w.name("ip_dict");
            ipMap(w, md.ipDict(), false);
            w.name("mem_dict");
            ipMap(w, md.memDict(), true);
            w.name("partial").value(md.partial());
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void ipMap(JsonWriter w, Map<String, IpDescription> map, boolean memories) throws IOException {
        w.beginObject();
        for (String k : sortedKeys(map)) {
            w.name(k);
            ip(w, map.get(k), memories);
        }
        w.endObject();
    }

    private static void ip(JsonWriter w, IpDescription ip, boolean memories) throws IOException {
        w.beginObject();
        if (!ip.processingSystem()) {
            w.name("addr_range").value(ip.addrRange());
            w.name("bdtype").value(ip.bdtype());
            if (memories && ip.memtype() == MemType.REGISTER) {
                // PYNQ marks register regions of DFX containers moved to mem_dict.
                w.name("dfx").value(true);
            }
            w.name("fullpath").value(ip.fullpath());
        }
        w.name("gpio");
        gpioMap(w, ip.gpio());
        w.name("interrupts");
        pinMap(w, ip.interrupts());
        if (!ip.processingSystem()) {
            w.name("mem_id").value(ip.memId());
            w.name("memtype").value(ip.memtype() == null ? null : ip.memtype().name());
        }
        w.name("parameters").beginObject();
        for (String k : sortedKeys(ip.parameters())) {
            w.name(k).value(ip.parameters().get(k));
        }
        w.endObject();
        if (!ip.processingSystem()) {
            w.name("phys_addr").value(ip.physAddr());
            w.name("registers").beginObject();
            for (String k : sortedKeys(ip.registers())) {
                register(w, ip.registers().get(k));
            }
            w.endObject();
            w.name("state").nullValue();
        }
        w.name("type").value(ip.type());
        if (ip.memtype() == MemType.MEMORY) {
            // PYNQ sets used=1 on the dict shared by ip_dict and mem_dict, so both show it.
            w.name("used").value(1);
        }
        w.endObject();
    }

    private static void register(JsonWriter w, RegisterDescription r) throws IOException {
        w.name(r.name()).beginObject();
        w.name("access").value(r.access().hwhName());
        w.name("address_offset").value(r.byteOffset());
        w.name("description").value(r.description());
        w.name("fields").beginObject();
        for (String k : sortedKeys(r.fields())) {
            RegisterField f = r.fields().get(k);
            w.name(k).beginObject();
            w.name("access").value(f.access().hwhName());
            w.name("bit_offset").value(f.bitOffset());
            w.name("bit_width").value(f.bitWidth());
            // PYNQ's legacy parser puts the register's description on every field.
            w.name("description").value(r.description());
            w.endObject();
        }
        w.endObject();
        w.name("size").value(r.sizeBits());
        w.endObject();
    }

    private static void hierarchy(JsonWriter w, Hierarchy h) throws IOException {
        w.beginObject();
        w.name("fullpath").value(h.fullpath());
        w.name("gpio");
        gpioMap(w, h.gpio());
        w.name("hierarchies").beginObject();
        for (String k : sortedKeys(h.hierarchies())) {
            w.name(k);
            hierarchy(w, h.hierarchies().get(k));
        }
        w.endObject();
        w.name("interrupts");
        pinMap(w, h.interrupts());
        w.name("ip");
        ipMap(w, h.ip(), false);
        w.name("memories");
        ipMap(w, h.memories(), true);
        w.endObject();
    }

    private static void pinMap(JsonWriter w, Map<String, InterruptPin> map) throws IOException {
        w.beginObject();
        for (String k : sortedKeys(map)) {
            InterruptPin p = map.get(k);
            w.name(k).beginObject();
            w.name("controller").value(p.controller());
            w.name("fullpath").value(p.fullpath());
            w.name("index").value(p.index());
            if (p.rawIrq() != null) {
                w.name("raw_irq").value(p.rawIrq());
            }
            w.endObject();
        }
        w.endObject();
    }

    private static void gpioMap(JsonWriter w, Map<String, GpioEntry> map) throws IOException {
        w.beginObject();
        for (String k : sortedKeys(map)) {
            GpioEntry g = map.get(k);
            w.name(k).beginObject();
            w.name("index").value(g.index());
            w.name("pins").beginArray();
            for (String p : g.pins()) {
                w.value(p);
            }
            w.endArray();
            w.name("state").nullValue();
            w.endObject();
        }
        w.endObject();
    }

    private static <V> List<String> sortedKeys(Map<String, V> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        Collections.sort(keys);
        return keys;
    }

    private static List<ClockInfo> sortedValues(Map<Integer, ClockInfo> map) {
        List<ClockInfo> v = new ArrayList<>(map.values());
        v.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return v;
    }
}
