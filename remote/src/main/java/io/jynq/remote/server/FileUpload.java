package io.jynq.remote.server;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A file written to the board from a client stream ({@code writefile}, {@code download}): chunks go
 * to a temporary file beside the target, renamed over it only when the stream completes, so an
 * interrupted upload leaves the old file (or none), never half a bitstream. Writes to an FPGA
 * Manager control file (at most {@value #MAX_CONTROL_BYTES} bytes) go to {@link Board#writeControl}
 * instead. The total is bounded by {@link Limits#maxFileBytes()}.
 */
final class FileUpload<T> implements StreamObserver<T> {
    static final int MAX_CONTROL_BYTES = 4096;

    private final Board board;
    private final Function<T, ByteString> data;
    private final Runnable onDone;
    private final Consumer<Throwable> onError;
    private Function<T, String> pathOf;
    private String boardPath;
    private Path target;
    private Path temp;
    private OutputStream file;
    private ByteArrayOutputStream control;
    private long written;
    private boolean failed;

    FileUpload(Board board, Function<T, ByteString> data, Runnable onDone, Consumer<Throwable> onError) {
        this.board = board;
        this.data = data;
        this.onDone = onDone;
        this.onError = onError;
    }

    /** Every message names the path; all must name the same one. */
    void pathFrom(Function<T, String> pathOf) {
        this.pathOf = pathOf;
    }

    /** The board path written, known before the first message. */
    void target(String path) {
        try {
            open(path);
        } catch (RuntimeException | IOException e) {
            fail(e);
        }
    }

    private void open(String path) throws IOException {
        boardPath = path;
        if (board.isControlFile(path)) {
            control = new ByteArrayOutputStream();
            return;
        }
        target = board.root.resolve(path);
        Files.createDirectories(target.getParent());
        temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".upload");
        file = Files.newOutputStream(temp);
    }

    @Override
    public synchronized void onNext(T message) {
        if (failed) {
            return;
        }
        try {
            if (pathOf != null) {
                String p = pathOf.apply(message);
                if (boardPath == null) {
                    open(p);
                } else if (!boardPath.equals(p)) {
                    throw new IllegalArgumentException("writefile stream changed path from " + boardPath + " to " + p);
                }
            }
            ByteString chunk = data.apply(message);
            written += chunk.size();
            if (control != null) {
                if (written > MAX_CONTROL_BYTES) {
                    throw new IllegalArgumentException(boardPath + ": more than " + MAX_CONTROL_BYTES + " bytes for a control file");
                }
                chunk.writeTo(control);
            } else {
                if (written > board.limits.maxFileBytes()) {
                    throw new IllegalArgumentException(boardPath + ": the upload exceeds " + board.limits.maxFileBytes() + " bytes");
                }
                chunk.writeTo(file);
            }
        } catch (RuntimeException | IOException e) {
            fail(e);
        }
    }

    /** Ends the upload with {@code e}'s status; the temporary file is removed. */
    synchronized void fail(Throwable e) {
        if (failed) {
            return;
        }
        failed = true;
        cleanUp();
        onError.accept(Errors.status(e));
    }

    @Override
    public synchronized void onError(Throwable t) {
        failed = true; // the client went away: nothing to answer
        cleanUp();
    }

    @Override
    public synchronized void onCompleted() {
        if (failed) {
            return;
        }
        try {
            if (boardPath == null) {
                throw new IllegalArgumentException("empty writefile stream: no path");
            }
            if (control != null) {
                board.writeControl(boardPath, control.toByteArray());
            } else {
                file.close();
                file = null;
                board.commit(temp, target);
                temp = null;
            }
            onDone.run();
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            fail(e);
        }
    }

    private void cleanUp() {
        try {
            if (file != null) {
                file.close();
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // the temporary file stays; it is hidden (leading dot) and replaced by the next upload's rename
        }
    }
}
