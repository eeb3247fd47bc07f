package io.jynq.remote.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The directory that stands for {@code /} on the board to the file RPCs of PYNQ.remote
 * ({@code readfile}, {@code writefile}, {@code existsfile}): {@code /lib/firmware/x.bin} is
 * {@code ROOT/lib/firmware/x.bin}. PYNQ's own server runs as root on the real {@code /}; here a
 * client can reach nothing outside the root: no {@code ..} or {@code .} segment, no NUL, no path
 * longer than 1024 characters, and no symbolic link that leads out of it.
 */
public final class BoardRoot {
    static final int MAX_PATH = 1024;
    private final Path root;

    /**
     * @param directory the board root; created if missing
     * @throws UncheckedIOException if it cannot be created or resolved
     */
    public BoardRoot(Path directory) {
        try {
            Files.createDirectories(directory);
            this.root = directory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the board root " + directory, e);
        }
    }

    /** The real path of the root directory. */
    public Path directory() {
        return root;
    }

    /**
     * The file under the root that the board path {@code boardPath} names.
     *
     * @param boardPath an absolute board path such as {@code /lib/firmware/base.bin}
     * @throws IllegalArgumentException naming the path if it is empty, too long, holds NUL, a
     *     {@code .}/{@code ..} segment, or leads out of the root through a symbolic link
     */
    public Path resolve(String boardPath) {
        String rel = normalize(boardPath);
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root)) {
            throw refuse(boardPath, "it leaves the board root");
        }
        Path existing = p;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (existing == null || !existing.toRealPath().startsWith(root)) {
                throw refuse(boardPath, "a symbolic link leads out of the board root");
            }
        } catch (IOException e) {
            // a dangling link: its target does not exist, so it cannot be followed safely
            throw refuse(boardPath, "it goes through a dangling symbolic link");
        }
        return p;
    }

    /**
     * The board path with leading slashes and empty segments removed ({@code "lib/firmware/x.bin"}).
     *
     * @throws IllegalArgumentException as {@link #resolve}
     */
    static String normalize(String boardPath) {
        if (boardPath == null || boardPath.isEmpty()) {
            throw refuse("", "it is empty");
        }
        if (boardPath.length() > MAX_PATH) {
            throw refuse(boardPath.substring(0, 40) + "...", "it is longer than " + MAX_PATH + " characters");
        }
        StringBuilder sb = new StringBuilder();
        for (String segment : boardPath.split("[/\\\\]")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals("..") || segment.equals(".") || segment.indexOf('\0') >= 0) {
                throw refuse(boardPath, "'..', '.' and NUL are not allowed in a board path");
            }
            sb.append(sb.length() == 0 ? "" : "/").append(segment);
        }
        if (sb.length() == 0) {
            throw refuse(boardPath, "it names the root itself");
        }
        return sb.toString();
    }

    private static IllegalArgumentException refuse(String path, String why) {
        return new IllegalArgumentException("board path '" + path + "' refused: " + why);
    }
}
