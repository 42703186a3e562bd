package dev.weft.runtime.internal.wasm;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import dev.weft.wasm.abi.HostImport.Grant;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * WASI (preview 1) for one instance, with nothing of the host unless granted: no environment, no
 * files, no arguments, and clocks, sleeps and random bytes that fail the call unless the module
 * has the {@code clock} or {@code random} grant. The guest's stdout and stderr become lines of the
 * server log under the module's name.
 */
final class GuestWasi {

    /**
     * The WASI functions that read a clock. Chicory answers the monotonic clock and sleeps with
     * {@code System.nanoTime()} whatever clock it is given, so without the grant they are replaced.
     */
    private static final Set<String> CLOCK_FUNCTIONS = Set.of("clock_time_get", "clock_res_get", "poll_oneoff");

    private GuestWasi() {}

    static List<HostFunction> functions(String module, ModuleSettings settings) {
        Logger log = System.getLogger("weft.wasm." + module);
        WasiOptions.Builder options = WasiOptions.builder()
                .withStdout(new LogLines(log, Level.INFO, module), false)
                .withStderr(new LogLines(log, Level.WARNING, module), false)
                .withClock(settings.granted(Grant.CLOCK) ? Clock.systemUTC() : new RefusingClock(module))
                .withRandom(settings.granted(Grant.RANDOM) ? new java.security.SecureRandom() : new RefusingRandom(module));
        if (settings.granted(Grant.ENV)) {
            settings.environment().forEach(options::withEnvironment);
        }
        if (settings.granted(Grant.FILES)) {
            settings.directories().forEach(options::withDirectory);
        }
        WasiPreview1 wasi = WasiPreview1.builder().withOptions(options.build()).build();
        List<HostFunction> functions = List.of(wasi.toHostFunctions());
        return settings.granted(Grant.CLOCK) ? functions : withoutClocks(module, functions);
    }

    /** The same functions, but those that read a clock fail the call, as a refused weft function does. */
    private static List<HostFunction> withoutClocks(String module, List<HostFunction> functions) {
        return functions.stream()
                .map(function -> CLOCK_FUNCTIONS.contains(function.name())
                        ? new HostFunction(function.module(), function.name(), function.functionType(),
                                (instance, args) -> {
                                    throw new HostImports.MissingGrantException(module, "WASI " + function.name(), "clock");
                                })
                        : function)
                .toList();
    }

    /** Buffers what a guest writes and logs each complete line. */
    private static final class LogLines extends OutputStream {
        private final Logger log;
        private final Level level;
        private final String module;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LogLines(Logger log, Level level, String module) {
            this.log = log;
            this.level = level;
            this.module = module;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flush();
            } else {
                line.write(b);
                if (line.size() > 8192) {
                    flush();
                }
            }
        }

        @Override
        public synchronized void flush() {
            if (line.size() > 0) {
                log.log(level, "[" + module + "] " + line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }

    /** The clock of a module without the {@code clock} grant: reading it fails the call. */
    private static final class RefusingClock extends Clock {
        private final String module;

        RefusingClock(String module) {
            this.module = module;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            throw new HostImports.MissingGrantException(module, "a WASI clock", "clock");
        }
    }

    /** The randomness of a module without the {@code random} grant: asking for it fails the call. */
    private static final class RefusingRandom extends Random {
        private final String module;

        RefusingRandom(String module) {
            this.module = module;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            throw new HostImports.MissingGrantException(module, "WASI random_get", "random");
        }
    }
}
