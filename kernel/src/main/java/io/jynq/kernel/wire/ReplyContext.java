package io.jynq.kernel.wire;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.MessageContext;

/**
 * jjava-jupyter's reply environment for one request (busy/idle, deferred replies, IOPub
 * publishing, stdin), bound to this package's sockets. Its constructor is protected in jjava;
 * this subclass exists only to reach it.
 */
public final class ReplyContext extends ShellReplyEnvironment {
    ReplyContext(RouterSocket socket, StdinChannel stdin, IOPubChannel iopub, MessageContext request) {
        super(socket, stdin, iopub, request);
    }
}
