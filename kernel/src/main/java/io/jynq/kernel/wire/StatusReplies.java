package io.jynq.kernel.wire;

import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.reply.ShutdownReply;

/**
 * Replies that jjava-jupyter sends without the {@code "status": "ok"} the messaging spec (5.3)
 * requires of every reply: kernel_info, comm_info and shutdown. jupyter_kernel_test's schema
 * rejects {@code kernel_info_reply} without it; jupyter_client treats a reply without status as
 * not ok.
 */
public final class StatusReplies {
    private StatusReplies() {
    }

    /** {@code kernel_info_reply} with status. */
    public static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") // serialised by Gson
        private final String status = "ok";

        public KernelInfo(String protocolVersion, String implementationName, String implementationVersion,
                          LanguageInfo languageInfo, String banner, List<HelpLink> helpLinks) {
            super(protocolVersion, implementationName, implementationVersion, languageInfo, banner, helpLinks);
        }
    }

    /** {@code comm_info_reply} with status. */
    public static final class CommInfo extends CommInfoReply {
        @SuppressWarnings("unused") // serialised by Gson
        private final String status = "ok";

        public CommInfo(Map<String, CommInfoReply.CommInfo> comms) {
            super(comms);
        }
    }

    /** {@code shutdown_reply} with status (jjava's has a private constructor, hence not a subclass). */
    public static final class Shutdown implements ContentType<Shutdown> {
        @SuppressWarnings("unused") // serialised by Gson
        private final String status = "ok";
        private final boolean restart;

        public Shutdown(boolean restart) {
            this.restart = restart;
        }

        public boolean restart() {
            return restart;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<Shutdown> getType() {
            return (MessageType) ShutdownReply.MESSAGE_TYPE;
        }
    }
}
