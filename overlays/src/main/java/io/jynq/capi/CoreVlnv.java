package io.jynq.capi;

/**
 * A core name or dependency as FuseSoC reads it ({@code fusesoc/vlnv.py}):
 * {@code vendor:library:name:version}, where vendor and library may be empty
 * ({@code ::fifo:1.3-r1}), the version may end in a revision {@code -rN}, and a dependency may
 * start with a relation ({@code >=}, {@code <=}, {@code >}, {@code <}, {@code =}, {@code ^},
 * {@code ~}) and a leading {@code !} for a conflict. The legacy form {@code name-1.0-r2} (no
 * colons) and {@code vendor:library:name} (no version, meaning any) are accepted too.
 *
 * @param vendor   vendor, may be empty
 * @param library  library, may be empty
 * @param name     core name, never empty
 * @param version  version, "0" when none was given
 * @param revision the N of {@code -rN}, 0 when none
 * @param relation "==", "&gt;=", "&lt;=", "&gt;", "&lt;", "^" or "~"; "&gt;=" for a name without version
 * @param conflict true for a {@code !} dependency
 */
public record CoreVlnv(String vendor, String library, String name, String version, int revision,
        String relation, boolean conflict) {

    /**
     * Parses a VLNV.
     *
     * @throws IllegalArgumentException naming the text when it is empty, has 2 or more than 4
     *                                  colon-separated parts, has an empty name, or has a relation without a version
     */
    public static CoreVlnv parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty core name");
        }
        boolean conflict = text.startsWith("!");
        String s = conflict ? text.substring(1) : text;
        String relation = "";
        for (String r : new String[] {">=", "<=", ">", "<", "=", "^", "~"}) {
            if (s.startsWith(r)) {
                relation = r.equals("=") ? "==" : r;
                s = s.substring(r.length());
                break;
            }
        }
        String[] parts = s.split(":", -1);
        String vendor = "";
        String library = "";
        String name;
        String version = "";
        int revision = 0;
        if (parts.length == 1) {
            String[] dash = parts[0].split("-", -1);
            int n = dash.length;
            if (n > 1 && isRevision(dash[n - 1])) {
                revision = parseRevision(dash[n - 1], text);
                n--;
            }
            if (n > 1 && !dash[n - 1].isEmpty() && Character.isDigit(dash[n - 1].charAt(0))) {
                version = dash[n - 1];
                n--;
            }
            name = String.join("-", java.util.Arrays.copyOf(dash, n));
        } else if (parts.length == 3 || parts.length == 4) {
            vendor = parts[0];
            library = parts[1];
            name = parts[2];
            if (parts.length == 4) {
                version = parts[3];
                int dash = version.lastIndexOf('-');
                if (dash > 0 && isRevision(version.substring(dash + 1))) {
                    revision = parseRevision(version.substring(dash + 1), text);
                    version = version.substring(0, dash);
                }
            }
        } else {
            throw new IllegalArgumentException("illegal core name \"" + text + "\": expected vendor:library:name:version"
                    + " (vendor and library may be empty, as in ::fifo:1.3-r1), found " + parts.length + " parts");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("illegal core name \"" + text + "\": the name part is empty");
        }
        if (!version.isEmpty() || revision > 0) {
            relation = relation.isEmpty() ? "==" : relation;
            version = version.isEmpty() ? "0" : version;
        } else {
            if (!relation.isEmpty()) {
                throw new IllegalArgumentException("illegal core name \"" + text + "\": the operator " + relation
                        + " needs a version");
            }
            version = "0";
            relation = ">=";
        }
        return new CoreVlnv(vendor, library, name, version, revision, relation, conflict);
    }

    private static boolean isRevision(String s) {
        return s.length() > 1 && s.charAt(0) == 'r' && s.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int parseRevision(String s, String text) {
        try {
            return Integer.parseInt(s.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("illegal core name \"" + text + "\": revision " + s + " is too large");
        }
    }

    /** {@code vendor:library:name:version[-rN]}, FuseSoC's canonical form. */
    @Override
    public String toString() {
        return vendor + ":" + library + ":" + name + ":" + version + (revision > 0 ? "-r" + revision : "");
    }

    /** The dependency form: the relation (none for "==") before {@link #toString()}, {@code !} for a conflict. */
    public String depString() {
        return (conflict ? "!" : "") + (relation.equals("==") ? "" : relation) + this;
    }

    /** FuseSoC's file-system-safe name: {@code fusesoc:utils:generators:0} becomes {@code fusesoc_utils_generators_0}. */
    public String sanitizedName() {
        return toString().replaceFirst("^:+", "").replace(':', '_');
    }
}
