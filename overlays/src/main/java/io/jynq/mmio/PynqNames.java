package io.jynq.mmio;

/**
 * PYNQ's attribute names for registers and fields ({@code pynq/registers.py}, {@code _safe_attrname}):
 * every character other than an ASCII letter, digit or underscore becomes {@code _}, and a name
 * starting with a digit gets an {@code r} in front. So the AXI GPIO's {@code Channel-1 GPIO DATA}
 * is {@code Channel_1_GPIO_DATA}, and a PYNQ notebook's {@code register_map.Channel_1_GPIO_DATA}
 * is {@code registers().get("Channel_1_GPIO_DATA")} here.
 */
public final class PynqNames {
    private PynqNames() {}

    /** PYNQ's attribute name for a {@code .hwh} register or field name; "" stays "". */
    public static String safe(String name) {
        if (name.isEmpty()) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length() + 1);
        if (Character.isDigit(name.charAt(0))) { // Python's str.isdigit(): any Unicode decimal digit
            sb.append('r');
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
            // re.sub works on code points: a surrogate pair is one character, one underscore
            if (!ok && Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i++;
            }
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }
}
