package io.jynq.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The PS's address map must not overlap: two IPs claiming one address would make a download
 * program the PL and then fail on an unrelated error (issue 14). Checked at parse, naming both
 * IPs and their ranges, in {@code O(n log n)}.
 */
final class AddressMap {
    private AddressMap() {}

    /** @throws MetadataException at the later range's MEMRANGE, naming both IPs, if two ranges overlap */
    static void requireDisjoint(Collection<IpEntry> ips, ParsedHwh p) {
        List<IpEntry> ranged = new ArrayList<>();
        for (IpEntry b : ips) {
            if (b.addrRange() > 0) {
                ranged.add(b);
            }
        }
        ranged.sort(Comparator.comparingLong((IpEntry b) -> b.physAddr()).thenComparing(b -> b.name()));
        IpEntry widest = null;  // among those seen, the one reaching furthest
        for (IpEntry b : ranged) {
            if (widest != null && Long.compareUnsigned(b.physAddr(), end(widest)) <= 0) {
                String msg = String.format("the address range of %s [0x%X, 0x%X] overlaps %s [0x%X, 0x%X];"
                        + " each address may belong to one IP (fix the Address Editor in Vivado)", b.name(), b.physAddr(),
                        end(b), widest.name(), widest.physAddr(), end(widest));
                throw p.error(Math.max(b.offset(), 0), msg);
            }
            if (widest == null || Long.compareUnsigned(end(b), end(widest)) > 0) {
                widest = b;
            }
        }
    }

    private static long end(IpEntry b) {
        return b.physAddr() + b.addrRange() - 1;
    }
}
