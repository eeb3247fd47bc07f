package io.jynq.metadata;

/**
 * The access of a register or register field as the {@code .hwh} states it (IP-XACT access
 * values): {@code read-write}, {@code read-only}, {@code write-only}, {@code read-writeOnce},
 * {@code writeOnce}.
 */
public enum Access {
    READ_WRITE("read-write"),
    READ_ONLY("read-only"),
    WRITE_ONLY("write-only"),
    READ_WRITE_ONCE("read-writeOnce"),
    WRITE_ONCE("writeOnce");

    private final String hwhName;

    Access(String hwhName) {
        this.hwhName = hwhName;
    }

    /** The spelling in the {@code .hwh} and in PYNQ's dictionaries, e.g. {@code read-write}. */
    public String hwhName() {
        return hwhName;
    }

    /** True unless write-only: reading returns the register's value. */
    public boolean readable() {
        return this != WRITE_ONLY && this != WRITE_ONCE;
    }

    /** True unless read-only. */
    public boolean writable() {
        return this != READ_ONLY;
    }

    /** The constant for a {@code .hwh} spelling, or null if it is none of them. */
    public static Access fromHwh(String text) {
        for (Access a : values()) {
            if (a.hwhName.equals(text)) {
                return a;
            }
        }
        return null;
    }
}
