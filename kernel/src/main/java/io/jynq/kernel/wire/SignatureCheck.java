package io.jynq.kernel.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the HMAC of an incoming message: the lowercase hex digest of header, parent header,
 * metadata and content, keyed with the connection file's key (messaging spec, "The wire
 * protocol"). The comparison runs in constant time ({@link MessageDigest#isEqual}) so that a
 * local attacker cannot learn the signature byte by byte from reply timing.
 *
 * <p>Thread-safe: each call uses its own {@link Mac} clone.
 */
public final class SignatureCheck {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Mac prototype;

    /**
     * @param scheme the connection file's {@code signature_scheme}, e.g. {@code hmac-sha256}
     * @param key    the key, not empty
     * @throws IllegalArgumentException if the scheme is not an HMAC the JDK knows, or the key is empty
     */
    public SignatureCheck(String scheme, String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("empty HMAC key: nothing to check signatures with");
        }
        String algorithm = scheme == null ? "HmacSHA256" : scheme.replace("-", "").replace("hmac", "Hmac").toUpperCase()
                .replace("HMAC", "Hmac");
        try {
            prototype = Mac.getInstance(algorithm);
            prototype.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("signature_scheme '" + scheme + "' is not supported (use hmac-sha256)", e);
        }
    }

    /** The hex digest the sender must have written for these four frames. */
    public byte[] expected(byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("JDK Mac for " + prototype.getAlgorithm() + " cannot be cloned", e);
        }
        mac.update(header);
        mac.update(parent);
        mac.update(metadata);
        mac.update(content);
        byte[] raw = mac.doFinal();
        byte[] hex = new byte[raw.length * 2];
        for (int i = 0; i < raw.length; i++) {
            hex[2 * i] = HEX[(raw[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[raw[i] & 0xF];
        }
        return hex;
    }

    /** True if {@code received} (ASCII hex) is the signature of the four frames; constant time. */
    public boolean matches(byte[] received, byte[] header, byte[] parent, byte[] metadata, byte[] content) {
        return MessageDigest.isEqual(expected(header, parent, metadata, content), received);
    }
}
