package io.jynq.kernel.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The stop_on_error abort window: only requests that were waiting when the cell failed are
 * aborted, not one a client sends once it sees the error reply (ipykernel aborts what it flushed
 * off the socket before answering; jupyter_client users send the next cell on that answer).
 */
class ChannelLoopTest {
    private static final String ADDRESS = "inproc://channel-loop-test";

    @Test
    void onlyRequestsWaitingWhenTheCellFailedAreAborted() throws Exception {
        ZMQ.Context ctx = ZMQ.context(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        RouterSocket shell = new RouterSocket(ctx, null, new WireCodec(null, new ReplayGuard(64)), false);
        shell.bind(ADDRESS);
        ZMQ.Socket client = ctx.socket(SocketType.DEALER);
        client.connect(ADDRESS);
        ChannelLoop[] loop = new ChannelLoop[1];
        loop[0] = new ChannelLoop(shell, new ChannelLoop.Handler() {
            @Override
            public void handle(Message<?> m) {
                String what = m.getContent() instanceof ExecuteRequest e ? e.getCode() : m.getHeader().getType().getName();
                seen.add("ran " + what);
                if (what.equals("fail")) {
                    loop[0].abortQueued();
                    // the error reply goes out after the handler; a client answering it at once:
                    synchronized (client) {
                        send(client, "answer", "execute_request");
                    }
                    sleepQuietly(300); // it is on the socket before the loop reads again
                } else if (what.equals("last")) {
                    done.countDown();
                }
            }

            @Override
            public void refuse(OversizedMessageException tooLarge) {
                seen.add("refused");
            }

            @Override
            public void abort(Message<?> m) {
                seen.add("aborted " + ((ExecuteRequest) m.getContent()).getCode());
            }
        });
        try {
            // inproc: each message is in the socket's pipe when send returns
            synchronized (client) {
                send(client, "fail", "execute_request");
                send(client, "queued", "execute_request");
                send(client, "info", "kernel_info_request");
                send(client, "queued2", "execute_request");
            }
            loop[0].start();
            assertEquals(true, awaitCount(seen, 5), "saw: " + seen);
            synchronized (client) {
                send(client, "last", "execute_request");
            }
            assertEquals(true, done.await(30, TimeUnit.SECONDS), "saw: " + seen);
            assertEquals(List.of("ran fail", "aborted queued", "ran kernel_info_request", "aborted queued2",
                    "ran answer", "ran last"), seen);
        } finally {
            loop[0].shutdown();
            loop[0].join(5000);
            client.close();
            ctx.term();
        }
    }

    private static boolean awaitCount(List<String> seen, int n) throws InterruptedException {
        for (int i = 0; i < 3000 && seen.size() < n; i++) {
            Thread.sleep(10);
        }
        return seen.size() >= n;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An unsigned request (the codec has no key), as jupyter_client frames it. */
    private static void send(ZMQ.Socket client, String code, String type) {
        String header = "{\"msg_id\": \"m-" + code + "\", \"username\": \"u\", \"session\": \"s\", \"date\": "
                + "\"2026-12-06T05:00:00.000000Z\", \"msg_type\": \"" + type + "\", \"version\": \"5.3\"}";
        String content = type.equals("execute_request")
                ? "{\"code\": \"" + code + "\", \"silent\": false, \"store_history\": true, \"user_expressions\": {}, "
                        + "\"allow_stdin\": false, \"stop_on_error\": true}"
                : "{}";
        String[] frames = {"<IDS|MSG>", "", header, "{}", "{}", content};
        for (int i = 0; i < frames.length; i++) {
            client.send(frames[i].getBytes(StandardCharsets.UTF_8), i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
    }
}
