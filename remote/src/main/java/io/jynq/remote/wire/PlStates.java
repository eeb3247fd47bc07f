package io.jynq.remote.wire;

import io.jynq.device.PlState;
import io.jynq.remote.proto.ext.PlStateResponse;
import java.time.Instant;

/** A PL state on the wire ({@code jynq.remote.PlStateResponse}), both ways. */
public final class PlStates {
    private PlStates() {}

    /** {@code s} as {@code pl_state} answers it, and as a register program names the design it expects. */
    public static PlStateResponse toProto(PlState s) {
        return PlStateResponse.newBuilder().setBitfileName(s.bitfileName())
                .setTimestampSeconds(s.timestamp().getEpochSecond()).setTimestampNanos(s.timestamp().getNano())
                .setMetadataSha256(s.metadataSha256()).setPartial(s.partial()).build();
    }

    /**
     * The state {@code r} describes.
     *
     * @throws java.time.DateTimeException if its timestamp is outside {@link Instant}'s range
     */
    public static PlState fromProto(PlStateResponse r) {
        return new PlState(r.getBitfileName(), Instant.ofEpochSecond(r.getTimestampSeconds(), r.getTimestampNanos()),
                r.getMetadataSha256(), r.getPartial());
    }
}
