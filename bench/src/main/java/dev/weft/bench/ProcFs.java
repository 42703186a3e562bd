package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What Linux's /proc tells about a server process: its memory, and which process owns a listening port. */
public final class ProcFs {

    private static final Path PROC = Path.of("/proc");
    private static final String TCP_LISTEN = "0A";

    private ProcFs() {}

    /** Resident set size now (VmRSS), in KiB. */
    public static long rssKb(long pid) throws IOException {
        return statusKb(pid, "VmRSS");
    }

    /** Peak resident set size (VmHWM) since start or since the last {@link #resetPeakRss}, in KiB. */
    public static long peakRssKb(long pid) throws IOException {
        return statusKb(pid, "VmHWM");
    }

    /**
     * Sets the peak back to the current RSS, so that the next reading is the peak of what came
     * after (writing 5 to clear_refs, Linux 4.0+). False when the kernel or permissions refuse.
     */
    public static boolean resetPeakRss(long pid) {
        try {
            Files.writeString(PROC.resolve(pid + "/clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The process, among {@code root} and its descendants, that holds the socket listening on
     * 127.0.0.1 or any address at {@code port}: the server itself, even when a launcher started it.
     */
    public static Optional<Long> listeningPid(int port, ProcessHandle root) throws IOException {
        List<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        List<ProcessHandle> candidates =
                Stream.concat(Stream.of(root), root.descendants()).toList();
        for (ProcessHandle process : candidates) {
            if (holdsAny(process.pid(), inodes)) {
                return Optional.of(process.pid());
            }
        }
        return Optional.empty();
    }

    private static long statusKb(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(
                        line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IOException("no " + field + " in /proc/" + pid + "/status");
    }

    // Lines of /proc/net/tcp{,6}: "sl local_address rem_address st ... uid timeout inode ...",
    // the local address as hex "0100007F:1F90"; state 0A is LISTEN.
    private static List<String> listeningInodes(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        Stream<String> lines = Stream.empty();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            Path file = PROC.resolve(table);
            if (Files.isReadable(file)) {
                lines = Stream.concat(lines, Files.readAllLines(file).stream().skip(1));
            }
        }
        return lines.map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields[1].endsWith(hexPort) && fields[3].equals(TCP_LISTEN))
                .map(fields -> fields[9])
                .toList();
    }

    private static boolean holdsAny(long pid, List<String> inodes) {
        try (Stream<Path> fds = Files.list(PROC.resolve(pid + "/fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return inodes.stream().anyMatch(inode -> target.equals("socket:[" + inode + "]"));
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            });
        } catch (IOException e) {
            return false; // exited, or not ours to read
        }
    }
}
