package io.jynq.metadata;

import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * Reads one {@code REGISTER} of a module while {@link HwhReader} streams: its {@code PROPERTY}
 * children (the first of a name wins, as ElementTree's {@code find}) and its
 * {@code FIELDS/FIELD} with their properties, checking what PYNQ reads: ADDRESS_OFFSET, SIZE,
 * ACCESS; BIT_OFFSET, BIT_WIDTH, ACCESS.
 */
final class RegisterReader {
    private static final XmlName[] REG_PROPS = XmlName.of("ADDRESS_OFFSET", "SIZE", "ACCESS", "DESCRIPTION", "RESET_VALUE");
    private static final XmlName[] FIELD_PROPS = XmlName.of("BIT_OFFSET", "BIT_WIDTH", "ACCESS", "DESCRIPTION");

    private final XmlScanner x;
    private String moduleFullpath;
    private int registerDepth;
    private int registerOffset;
    private String registerName;
    private final String[] registerProps = new String[5];
    private LinkedHashMap<String, RegisterField> fields;
    private int fieldsDepth;
    private int fieldDepth;
    private int fieldOffset;
    private String fieldName;
    private final String[] fieldProps = new String[4];

    RegisterReader(XmlScanner x) {
        this.x = x;
    }

    boolean isOpen() {
        return registerDepth != 0;
    }

    /** Starts the register element at depth {@code d} (the scanner is on its start tag). */
    void open(String name, int d, String module) {
        registerDepth = d;
        registerOffset = x.offset();
        registerName = name;
        moduleFullpath = module;
        Arrays.fill(registerProps, null);
        fields = new LinkedHashMap<>();
    }

    /** Handles an end tag at depth {@code d}; returns the register when its own element closed. */
    RegisterDescription end(int d) {
        if (d == fieldDepth) {
            closeField();
        } else if (d == fieldsDepth) {
            fieldsDepth = 0;
        } else if (d == registerDepth) {
            return closeRegister();
        }
        return null;
    }

    /** A child element of the open register (PROPERTY, FIELDS, FIELD and their PROPERTYs). */
    void start(String n, int d) {
        if ("PROPERTY".equals(n)) {
            if (d == registerDepth + 1) {
                keepFirst(REG_PROPS, registerProps);
            } else if (fieldDepth != 0 && d == fieldDepth + 1) {
                keepFirst(FIELD_PROPS, fieldProps);
            }
        } else if ("FIELDS".equals(n) && d == registerDepth + 1) {
            fieldsDepth = d;
        } else if ("FIELD".equals(n) && fieldsDepth != 0 && d == fieldsDepth + 1) {
            String fn = x.attr(HwhReader.A_NAME);
            if (fn != null) {
                fieldDepth = d;
                fieldOffset = x.offset();
                fieldName = fn;
                Arrays.fill(fieldProps, null);
            }
        }
    }

    private void keepFirst(XmlName[] names, String[] values) {
        int i = x.attrChoice(HwhReader.A_NAME, names);
        if (i >= 0 && values[i] == null) {
            // ElementTree's find(...).get('VALUE') on a PROPERTY without VALUE gives None.
            values[i] = x.attr(HwhReader.A_VALUE);
        }
    }

    private void closeField() {
        fieldDepth = 0;
        int offset = (int) Numbers.integer(require(fieldProps[0], "BIT_OFFSET", false, fieldOffset), "BIT_OFFSET", x, fieldOffset);
        int width = (int) Numbers.integer(require(fieldProps[1], "BIT_WIDTH", false, fieldOffset), "BIT_WIDTH", x, fieldOffset);
        if (offset > 1023 || width > 1024) {
            throw x.error(fieldOffset, where(false) + ": BIT_OFFSET " + offset + " / BIT_WIDTH " + width + " out of range; expected bits of a register");
        }
        Access access = access(require(fieldProps[2], "ACCESS", false, fieldOffset), false, fieldOffset);
        String desc = fieldProps[3] == null ? "" : fieldProps[3];
        fields.put(fieldName, new RegisterField(fieldName, offset, width, access, desc));
    }

    private RegisterDescription closeRegister() {
        registerDepth = 0;
        fieldsDepth = 0;
        fieldDepth = 0;
        long offset = Numbers.integer(require(registerProps[0], "ADDRESS_OFFSET", true, registerOffset), "ADDRESS_OFFSET", x, registerOffset);
        long size = Numbers.integer(require(registerProps[1], "SIZE", true, registerOffset), "SIZE", x, registerOffset);
        if (size > 1024) {
            throw x.error(registerOffset, where(true) + ": SIZE " + size + " bits; expected at most 1024");
        }
        Access access = access(require(registerProps[2], "ACCESS", true, registerOffset), true, registerOffset);
        String desc = registerProps[3] == null ? "" : registerProps[3];
        Long reset = registerProps[4] == null ? null : Numbers.integerOrNull(registerProps[4]);
        return new RegisterDescription(registerName, offset, (int) size, access, reset, desc, FrozenMap.adopt(fields));
    }

    /** "REGISTER r in m" or "FIELD f of register r in m", built only for a message. */
    private String where(boolean register) {
        return register ? "REGISTER " + registerName + " in " + moduleFullpath
                : "FIELD " + fieldName + " of register " + registerName + " in " + moduleFullpath;
    }

    private String require(String value, String prop, boolean register, int at) {
        if (value == null) {
            throw x.error(at, where(register) + " has no PROPERTY NAME=\"" + prop + "\" with a VALUE; PYNQ needs it");
        }
        return value;
    }

    private Access access(String text, boolean register, int at) {
        Access a = Access.fromHwh(text);
        if (a == null) {
            throw x.error(at, where(register) + ": ACCESS \"" + text + "\"; expected read-write, read-only, write-only, read-writeOnce or writeOnce");
        }
        return a;
    }
}
