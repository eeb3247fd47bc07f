package io.jynq.kernel.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * Turns the frames of one ZeroMQ multipart message into a jjava-jupyter {@link Message}, after
 * checking it: {@code [identities..., "<IDS|MSG>", signature, header, parent_header, metadata,
 * content, buffers...]} (messaging spec 5.3, "The wire protocol").
 *
 * <p>Every failure is a {@link WireException} naming what was wrong, never another exception: the
 * frames come from whoever can reach the port, and the channel loop relies on this contract to
 * drop the message and keep serving. A message is refused when the delimiter or one of the four
 * JSON frames is missing, when the signature is missing or wrong (constant-time compare), when
 * the signature was seen before (replay), or when a JSON frame is not an object of the expected
 * shape. Signatures are checked before any JSON is parsed.
 */
public final class WireCodec {
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final Type JSON_MAP = new TypeToken<Map<String, Object>>() { }.getType();
    private static final Gson GSON = buildGson();

    /** Header, parent and metadata frames beyond this are refused outright (they are never large). */
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private final SignatureCheck signatures;
    private final ReplayGuard replays;
    private final long maxMessageBytes;

    /**
     * @param signatures the key's check, or null for an unauthenticated kernel (empty key, only
     *                   with the explicit insecure flag): then signatures are not checked at all
     * @param replays    the digest history shared by all channels
     */
    public WireCodec(SignatureCheck signatures, ReplayGuard replays) {
        this(signatures, replays, Long.MAX_VALUE);
    }

    /**
     * @param maxMessageBytes the largest message (frames after the delimiter, in bytes) that is
     *                        parsed; a larger, correctly signed one is answered with
     *                        {@link OversizedMessageException}
     */
    public WireCodec(SignatureCheck signatures, ReplayGuard replays, long maxMessageBytes) {
        this.signatures = signatures;
        this.replays = replays;
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * The request limit for this JVM: 1/32 of the maximum heap, between 1 MiB and 256 MiB. Parsing
     * JSON and compiling a cell take many times its size (measured: a 5 MB cell exhausted a 128 MB
     * heap in the JShell compiler), so a cell beyond this would end in an OutOfMemoryError.
     */
    public static long defaultMaxMessageBytes() {
        long heap = Runtime.getRuntime().maxMemory();
        return Math.max(1L << 20, Math.min(256L << 20, heap / 32));
    }

    /**
     * Checks and parses one message.
     *
     * @param frames all frames of the multipart message, in order
     * @return the message, with the routing identities kept for the reply
     * @throws WireException if the message is malformed, unsigned, wrongly signed or replayed
     * @throws OversizedMessageException if it is correctly signed but larger than the limit
     */
    public Message<?> decode(List<byte[]> frames) {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) {
            throw new WireException("no <IDS|MSG> delimiter in " + frames.size() + " frames");
        }
        if (frames.size() < delimiter + 6) {
            throw new WireException("expected signature, header, parent_header, metadata and content after <IDS|MSG>, got "
                    + (frames.size() - delimiter - 1) + " frames");
        }
        byte[] signature = frames.get(delimiter + 1);
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (signatures != null) {
            if (signature.length == 0) {
                throw new WireException("unsigned message refused (the connection has a key)");
            }
            if (!signatures.matches(signature, header, parent, metadata, content)) {
                throw new WireException("invalid signature");
            }
            if (!replays.firstSeen(signature)) {
                throw new WireException("duplicate signature: replayed message refused");
            }
        }
        long size = 0;
        for (int i = delimiter + 2; i < frames.size(); i++) {
            size += frames.get(i).length;
        }
        if (size > maxMessageBytes) {
            if (header.length > MAX_HEADER_BYTES || parent.length > MAX_HEADER_BYTES
                    || metadata.length > MAX_HEADER_BYTES) {
                throw new WireException("message of " + size + " bytes refused; its header frames alone exceed "
                        + MAX_HEADER_BYTES + " bytes");
            }
            Message<?> headerOnly;
            try {
                headerOnly = parse(frames.subList(0, delimiter), header, parent, metadata, null, List.of());
            } catch (RuntimeException e) {
                throw new WireException("malformed oversized message: " + e, e);
            }
            throw new OversizedMessageException(headerOnly, size, maxMessageBytes);
        }
        try {
            return parse(frames.subList(0, delimiter), header, parent, metadata, content,
                    frames.subList(delimiter + 6, frames.size()));
        } catch (WireException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new WireException("malformed message: " + e, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Message<?> parse(List<byte[]> ids, byte[] headerRaw, byte[] parentRaw, byte[] metadataRaw,
                                    byte[] contentRaw, List<byte[]> buffers) {
        JsonObject headerJson = object("header", headerRaw);
        if (!headerJson.has("msg_type") || !headerJson.get("msg_type").isJsonPrimitive()) {
            throw new WireException("header has no msg_type");
        }
        Header<?> header = GSON.fromJson(headerJson, Header.class);
        if (header == null || header.getType() == null) {
            throw new WireException("header could not be read");
        }
        JsonObject parentJson = object("parent_header", parentRaw);
        Header<?> parent = parentJson.size() == 0 ? null : GSON.fromJson(parentJson, Header.class);
        Map<String, Object> metadata = GSON.fromJson(object("metadata", metadataRaw), JSON_MAP);
        if (contentRaw == null) { // an oversized request: answered from its header alone
            return new Message(new ArrayList<>(ids), header, parent, metadata, null, List.of());
        }
        JsonObject contentJson = object("content", contentRaw);
        Object content = GSON.fromJson(contentJson, header.getType().getContentType());
        if (content == null) {
            throw new WireException("content of " + header.getType().getName() + " could not be read");
        }
        return new Message(new ArrayList<>(ids), header, parent, metadata, content, new ArrayList<>(buffers));
    }

    private static JsonObject object(String frame, byte[] raw) {
        JsonElement element = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
        if (!element.isJsonObject()) {
            throw new WireException(frame + " is not a JSON object");
        }
        return element.getAsJsonObject();
    }

    /** The same adapters jjava-jupyter's JupyterSocket registers, so content classes parse alike. */
    private static Gson buildGson() {
        Gson replyGson = new GsonBuilder()
                .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
                .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
                .create();
        return new GsonBuilder()
                .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
                .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
                .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
                .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
                .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
                .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(replyGson))
                .create();
    }
}
