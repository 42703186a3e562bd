package dev.weft.runtime.internal.wasm;

import com.dylibso.chicory.wasm.WasmModule;
import dev.weft.wasm.abi.ModuleInterface;
import dev.weft.wasm.abi.Sha256;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Hot reload, the paper's "update only the module that changed": watches a folder, and when a
 * {@code <module>.wasm} appears or changes there, compiles it at run time and swaps it in.
 *
 * <p>A new version goes live only if it parses, compiles, keeps every export the running version
 * has with the same signature, and instantiates (so its imports link); otherwise it is refused
 * with a log line and the old version stays live. Requests in flight finish on the version they
 * started with. Compiling at run time needs {@code com.dylibso.chicory:compiler} on the class
 * path, which an application adds only when it enables this.
 */
final class ModuleReloader implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("weft.wasm.reload");
    private static final String COMPILER = "com.dylibso.chicory.compiler.MachineFactoryCompiler";

    private final Path directory;
    private final Duration interval;
    private final ModuleRegistry modules;
    /** The SHA-256 of each file last handed to its module (swapped in or refused): done with. */
    private final Map<Path, String> loaded = new HashMap<>();
    /** The SHA-256 of each file whose module is not known yet, so that it is reported only once. */
    private final Map<Path, String> unmatched = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private ModuleReloader(Path directory, Duration interval, ModuleRegistry modules) {
        this.directory = directory;
        this.interval = interval;
        this.modules = modules;
        this.thread = Thread.ofPlatform().daemon().name("weft-hot-reload").unstarted(this::watch);
    }

    static ModuleReloader start(Path directory, Duration interval, ModuleRegistry modules) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(ModuleRegistry.HOT_RELOAD_KEY + ".directory: " + directory.toAbsolutePath()
                    + " is not a folder");
        }
        try {
            Class.forName(COMPILER, false, ModuleReloader.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("hot reload (" + ModuleRegistry.HOT_RELOAD_KEY + ".directory) compiles modules"
                    + " at run time: add com.dylibso.chicory:compiler to the application's dependencies");
        }
        ModuleReloader reloader = new ModuleReloader(directory, interval, modules);
        reloader.thread.start();
        LOG.log(Level.INFO, "watching {0} for new wasm modules", directory.toAbsolutePath());
        return reloader;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    /**
     * Polls rather than using a WatchService: simple, portable, and a second's delay is fine here.
     * Whatever one scan throws, even an Error such as running out of memory while compiling, is
     * logged and the next scan comes: hot reload must not die silently.
     */
    private void watch() {
        while (running) {
            try {
                scanOnce();
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "hot reload: scanning " + directory + " failed", e);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Loads every new or changed .wasm of the folder; visible to tests. A file is done with once
     * its module was found: a file whose module is not (yet) known is looked at again on every
     * scan, since modules register when the application first uses them, after the watch began.
     */
    void scanOnce() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".wasm")).sorted().toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String sha256 = Sha256.of(bytes);
            if (sha256.equals(loaded.get(file))) {
                continue;
            }
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".wasm".length());
            ModuleHost host = modules.find(name).orElse(null);
            if (host == null) {
                if (!sha256.equals(unmatched.put(file, sha256))) {
                    LOG.log(Level.WARNING, "hot reload: {0} names no module this application uses (yet); ignored"
                            + " until one of that name starts", fileName);
                }
                continue;
            }
            unmatched.remove(file);
            loaded.put(file, sha256);
            if (!sha256.equals(host.version().sha256())) {
                try {
                    long millis = modules.reload(name, bytes, "reloaded from " + file.toAbsolutePath());
                    LOG.log(Level.INFO, "hot reload: module ''{0}'' is now {1} (sha256 {2}), swapped in {3,number,#} ms",
                            name, fileName, sha256.substring(0, 12), millis);
                } catch (RuntimeException | LinkageError e) {
                    LOG.log(Level.WARNING, "hot reload: refused {0} for module ''{1}'': {2}; {3} stays live",
                            fileName, name, e.getMessage(), host.version().label());
                }
            }
        }
    }

    /** The new version must offer every export the live one has, with the same signature. */
    static void checkExports(WasmModule live, WasmModule next) {
        ModuleInterface.read(live).incompatibilityOf(ModuleInterface.read(next)).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }
}
