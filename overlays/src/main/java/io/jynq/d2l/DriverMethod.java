package io.jynq.d2l;

import java.util.Locale;

/**
 * An operation carried out by a method of the IP's Java driver (the object
 * {@code ol.ip(name)} returns), called with the operation's arguments in order.
 *
 * @param ip     the IP instance name, e.g. {@code axi_dma_0}
 * @param method the method name; by default the operation name in lowerCamel case
 *               ({@code SEND_BUFFER} calls {@code sendBuffer})
 */
public record DriverMethod(String ip, String method) implements Implementation {

    /**
     * UPPER_SNAKE to lowerCamel: {@code SET_GAIN} to {@code setGain}, {@code GET_ID2} to
     * {@code getId2}, {@code RESET} to {@code reset}.
     */
    public static String lowerCamel(String upperSnake) {
        StringBuilder sb = new StringBuilder();
        boolean upperNext = false;
        for (char c : upperSnake.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upperNext = sb.length() > 0;
            } else {
                sb.append(upperNext ? Character.toUpperCase(c) : c);
                upperNext = false;
            }
        }
        return sb.toString();
    }
}
