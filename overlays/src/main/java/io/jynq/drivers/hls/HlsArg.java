package io.jynq.drivers.hls;

/**
 * One argument of an HLS function as its control registers hold it.
 *
 * @param name the argument name (a {@code _1}/{@code _2} register pair is one argument without the suffix)
 * @param byteOffset offset of the (low) register in bytes
 * @param highOffset offset of the high word for a 64-bit argument split over two registers, else -1
 * @param widthBits 32 or 64
 */
public record HlsArg(String name, long byteOffset, long highOffset, int widthBits) {

    @Override
    public String toString() {
        return name + "@0x" + Long.toHexString(byteOffset) + ":" + widthBits;
    }
}
