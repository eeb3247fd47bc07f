package io.jynq.metadata;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Structural JSON comparison for the golden tests: lists every difference as
 * {@code path: expected X, got Y}, numbers compared by value (PYNQ's ints against ours).
 */
final class JsonDiff {
    private JsonDiff() {}

    static List<String> diff(JsonElement expected, JsonElement actual) {
        List<String> out = new ArrayList<>();
        walk("$", expected, actual, out);
        return out;
    }

    private static void walk(String path, JsonElement e, JsonElement a, List<String> out) {
        if (e.isJsonObject() && a.isJsonObject()) {
            JsonObject eo = e.getAsJsonObject();
            JsonObject ao = a.getAsJsonObject();
            Set<String> keys = new TreeSet<>(eo.keySet());
            keys.addAll(ao.keySet());
            for (String k : keys) {
                String p = path + "[" + k + "]";
                if (!ao.has(k)) {
                    out.add(p + ": missing (expected " + shorten(eo.get(k)) + ")");
                } else if (!eo.has(k)) {
                    out.add(p + ": unexpected " + shorten(ao.get(k)));
                } else {
                    walk(p, eo.get(k), ao.get(k), out);
                }
            }
        } else if (e.isJsonArray() && a.isJsonArray()) {
            JsonArray ea = e.getAsJsonArray();
            JsonArray aa = a.getAsJsonArray();
            if (ea.size() != aa.size()) {
                out.add(path + ": expected " + shorten(ea) + ", got " + shorten(aa));
                return;
            }
            for (int i = 0; i < ea.size(); i++) {
                walk(path + "[" + i + "]", ea.get(i), aa.get(i), out);
            }
        } else if (e.isJsonPrimitive() && a.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()
                && a.getAsJsonPrimitive().isNumber()) {
            if (e.getAsBigDecimal().compareTo(a.getAsBigDecimal()) != 0) {
                out.add(path + ": expected " + e + ", got " + a);
            }
        } else if (!e.equals(a)) {
            out.add(path + ": expected " + shorten(e) + ", got " + shorten(a));
        }
    }

    private static String shorten(JsonElement x) {
        String s = String.valueOf(x);
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
