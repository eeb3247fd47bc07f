package io.jynq.ip;

/**
 * Register layout of the AXI GPIO, from the <em>AXI GPIO LogiCORE IP Product Guide</em>, PG144
 * v2.0, "Register Space" (table "Registers"): two channels of up to 32 pins each, a data and a
 * tri-state register per channel, and the interrupt registers.
 *
 * <p>Offsets in bytes from the IP's base address. A TRI bit of 1 makes the pin an input, 0 an
 * output. Channel {@code c} (1 or 2) has its DATA at {@code (c - 1) * 8} and TRI 4 bytes above.
 */
public final class AxiGpioLayout {
    private AxiGpioLayout() {}

    /** VLNV of the IP this layout describes. */
    public static final String VLNV = "xilinx.com:ip:axi_gpio:2.0";

    /** Channel 1 data (PG144 "GPIO_DATA", 0x0000): inputs read the pins, outputs the written value. */
    public static final int GPIO_DATA = 0x000;
    /** Channel 1 tri-state control (PG144 "GPIO_TRI", 0x0004): 1 = input. Reset: {@code C_TRI_DEFAULT}. */
    public static final int GPIO_TRI = 0x004;
    /** Channel 2 data (PG144 "GPIO2_DATA", 0x0008). */
    public static final int GPIO2_DATA = 0x008;
    /** Channel 2 tri-state control (PG144 "GPIO2_TRI", 0x000C). Reset: {@code C_TRI_DEFAULT_2}. */
    public static final int GPIO2_TRI = 0x00C;
    /** Global interrupt enable (PG144 "GIER", 0x011C): only bit 31 is used. */
    public static final int GIER = 0x11C;
    /** IP interrupt status (PG144 "IP ISR", 0x0120): bit 0 channel 1, bit 1 channel 2; toggle-on-write. */
    public static final int IP_ISR = 0x120;
    /** IP interrupt enable (PG144 "IP IER", 0x0128): bit 0 channel 1, bit 1 channel 2. */
    public static final int IP_IER = 0x128;

    /** GIER bit 31: global interrupt enable. */
    public static final int GIER_ENABLE = 0x8000_0000;
    /** IP ISR/IER bit 0: channel 1 input changed. */
    public static final int CHANNEL1_INT = 1;
    /** IP ISR/IER bit 1: channel 2 input changed. */
    public static final int CHANNEL2_INT = 1 << 1;

    /** Reset value of GPIO_TRI when {@code C_TRI_DEFAULT} is absent: all inputs. */
    public static final int TRI_RESET_VALUE = 0xFFFF_FFFF;
    /** Reset value of GIER, IP ISR and IP IER. */
    public static final int INTERRUPT_RESET_VALUE = 0;

    /** The DATA offset of channel 1 or 2. @throws IllegalArgumentException for another channel */
    public static int dataOffset(int channel) {
        return (checkChannel(channel) - 1) * 8;
    }

    /** The TRI offset of channel 1 or 2. @throws IllegalArgumentException for another channel */
    public static int triOffset(int channel) {
        return (checkChannel(channel) - 1) * 8 + 4;
    }

    private static int checkChannel(int channel) {
        if (channel != 1 && channel != 2) {
            throw new IllegalArgumentException("AXI GPIO channel must be 1 or 2, got " + channel);
        }
        return channel;
    }
}
