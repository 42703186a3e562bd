package dev.weft.runtime.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.wasm.Parser;
import dev.weft.runtime.internal.metrics.ModuleMetrics;
import dev.weft.runtime.wasm.ModuleBusyException;
import dev.weft.runtime.wasm.WasmCallException;
import dev.weft.runtime.wasm.WasmTimeoutException;
import dev.weft.wasm.abi.HostImport.Grant;
import dev.weft.wasm.abi.Sha256;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The module host on small hand-written modules, run by Chicory's interpreter. */
class ModuleHostTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void resetsGlobalsAndMemoryBetweenCalls() {
        ModuleHost host = host(TestModules.counter(), settings(1, Set.of()));
        for (int i = 0; i < 3; i++) {
            assertEquals(1L, result(host, "bump"), "the global starts at 0 each time");
            assertEquals(0L, result(host, "peek"), "memory starts at 0 each time");
        }
        assertEquals(1.0, instantiations(), "reset in place, never replaced");
    }

    @Test
    void resetsAnInstanceWhoseMemoryGrewToItsFreshSizeInPlace() {
        ModuleHost host = host(TestModules.counter(), settings(1, Set.of()));
        for (int call = 0; call < 3; call++) {
            assertEquals(2L, host.<Long>call(guest -> {
                guest.call("bump");
                assertEquals(1L, guest.call("grow")[0], "memory.grow returns the previous size");
                return guest.call("grow")[0];
            }), "grown twice in one call");
            assertEquals(1L, result(host, "pages"), "back to one page");
            assertEquals(0L, result(host, "peek"), "with the fresh bytes");
            assertEquals(1L, result(host, "bump"), "and a fresh global");
        }
        assertEquals(1.0, instantiations(), "reset in place, not replaced");
    }

    /**
     * Every instance is reset to the fresh size, not only the first, whose memory gave the fresh
     * state: a later one grew on its way to that state too (here its start function grows, as an
     * allocator's first use does). Two calls at once, each growing its own instance, three times.
     */
    @Test
    void resetsEachInstanceToTheFreshSizeWhenTheModuleGrowsOnItsWayToItsFreshState() {
        ModuleHost host = host(TestModules.growingAtStart(), settings(2, Set.of()));
        for (int round = 0; round < 3; round++) {
            long[] pagesWhenLent = host.<long[]>call(outer -> {
                long outerPages = outer.call("pages")[0];
                long innerPages = host.<Long>call(inner -> {
                    long pages = inner.call("pages")[0];
                    inner.call("grow");
                    return pages;
                });
                outer.call("grow");
                return new long[] {outerPages, innerPages};
            });
            assertArrayEquals(new long[] {2, 2}, pagesWhenLent, "both lent at the fresh size, round " + round);
        }
        assertEquals(2.0, instantiations(), "two instances, each reset in place");
    }

    /** A stateful module's memory is its state: what it wrote and how far it grew stay for the next call. */
    @Test
    void keepsAStatefulInstancesGrownMemory() {
        ModuleHost host = host(TestModules.counter(), settings(1, Set.of(), true));
        assertEquals(1L, host.<Long>call(guest -> {
            guest.call("bump");
            return guest.call("grow")[0];
        }));
        assertEquals(2L, result(host, "pages"));
        assertEquals(1L, result(host, "peek"));
        assertEquals(2L, result(host, "bump"));
        assertEquals(1.0, instantiations());
    }

    @Test
    void discardsAnInstanceThatTrappedAndServesTheNextCall() {
        ModuleHost host = host(TestModules.counter(), settings(1, Set.of()));
        WasmCallException trap = assertThrows(WasmCallException.class, () -> host.call(guest -> guest.call("trap")));
        assertTrue(trap.getMessage().contains("unreachable"), trap.getMessage());
        assertEquals(0, host.instancesInUse());
        assertEquals(1L, result(host, "bump"));
        assertEquals(2.0, instantiations());
        assertEquals(1L, registry.get("weft.wasm.calls").tag("outcome", "trapped").timer().count());
    }

    @Test
    void givesThePermitBackWhenInstantiationFails() {
        AtomicBoolean failing = new AtomicBoolean();
        byte[] wasm = TestModules.counter();
        ModuleVersion version = new ModuleVersion("flaky", Sha256.of(wasm), Parser.parse(wasm), instance -> {
            if (failing.get()) {
                throw new IllegalStateException("no machine today");
            }
            return new InterpreterMachine(instance);
        });
        ModuleHost host = host(version, settings(1, Set.of()));
        assertThrows(WasmCallException.class, () -> host.call(guest -> guest.call("trap")));
        failing.set(true);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> host.call(guest -> guest.call("bump")));
        assertEquals("no machine today", failure.getMessage());
        assertEquals(0, host.instancesInUse(), "the permit is back");
        failing.set(false);
        assertEquals(1L, result(host, "bump"), "the only permit can be taken again");
    }

    @Test
    void answersBusyWhenEveryInstanceIsLent() throws Exception {
        ModuleHost host = host(TestModules.counter(), settings(1, Set.of()));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> holder = requests.submit(() -> host.<Long>call(guest -> {
                inside.countDown();
                release.await();
                return guest.call("bump")[0];
            }));
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            assertThrows(ModuleBusyException.class, () -> host.call(guest -> guest.call("bump")));
            release.countDown();
            assertEquals(1L, holder.get());
        }
        assertEquals(1.0, registry.get("weft.wasm.pool.rejections").counter().count());
    }

    @Test
    void keepsThePermitUntilTheGuestReallyStops() throws Exception {
        ModuleHost host = host(TestModules.counter(), settings(1, Set.of()));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread request = Thread.ofVirtual().start(() -> assertThrows(WasmCallException.class, () -> host.call(guest -> {
            inside.countDown();
            // Work that does not stop when interrupted, as a guest between two loop checks.
            while (release.getCount() > 0) {
                Thread.onSpinWait();
            }
            return guest.call("bump")[0];
        })));
        assertTrue(inside.await(5, TimeUnit.SECONDS));
        request.interrupt(); // as the handler timeout does
        request.join(5_000);
        assertFalse(request.isAlive(), "the request returned at once");
        assertEquals(1, host.instancesInUse(), "the guest still runs, so its permit stays taken");
        assertThrows(ModuleBusyException.class, () -> host.call(guest -> guest.call("bump")));
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (host.instancesInUse() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, host.instancesInUse(), "given back once the guest stopped");
        assertEquals(1L, result(host, "bump"));
    }

    @Test
    void countsACallWhoseResultIsUnusableAsAnErrorNotAsOk() {
        ModuleHost host = host(TestModules.counter(), settings(1, Set.of()));
        WasmCallException outside = assertThrows(WasmCallException.class, () -> host.call(guest -> {
            guest.call("bump");
            // A "result" of 16 bytes at 1 MiB: past the end of the module's one page.
            return guest.takeBytes(((long) (1 << 20) << 32) | 16);
        }));
        assertTrue(outside.getMessage().contains("returned a buffer outside its memory"), outside.getMessage());
        assertEquals(1L, calls("error"));
        assertEquals(0L, calls("ok"));
        result(host, "bump");
        assertEquals(1L, calls("ok"));
    }

    @Test
    void countsTheModulesTimeoutApartFromAnInterruptionFromOutside() throws Exception {
        ModuleSettings settings = new ModuleSettings(Set.of(), 1, Duration.ZERO, 1 << 20, Duration.ofMillis(200),
                false, Map.of(), Map.of(), Map.of());
        ModuleHost host = host(TestModules.counter(), settings);
        assertThrows(WasmTimeoutException.class, () -> host.call(guest -> guest.call("spin")));
        assertEquals(1L, calls("timed_out"));

        ModuleHost patient = host(TestModules.counter(), settings(1, Set.of()));
        Thread request = Thread.ofVirtual().start(() ->
                assertThrows(WasmCallException.class, () -> patient.call(guest -> guest.call("spin"))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (patient.instancesInUse() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        request.interrupt(); // as the server's handler timeout does
        request.join(5_000);
        while (calls("interrupted") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1L, calls("interrupted"), "the guest stopped, and not at its own deadline");
        assertEquals(1L, calls("timed_out"));
    }

    @Test
    void stopsAStartFunctionThatNeverEndsAtTheModulesTimeout() {
        ModuleSettings settings = new ModuleSettings(Set.of(), 1, Duration.ZERO, 1 << 20, Duration.ofMillis(200),
                false, Map.of(), Map.of(), Map.of());
        long started = System.nanoTime();
        WasmTimeoutException timeout = assertThrows(WasmTimeoutException.class,
                () -> host(TestModules.endlessStart(), settings));
        assertTrue(timeout.getMessage().contains("'instantiation' within 200 ms"), timeout.getMessage());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void countsIdleInstancesInAGaugeThatOutlivesGarbageCollection() {
        ModuleHost host = host(TestModules.counter(), settings(2, Set.of()));
        System.gc();
        System.gc();
        assertEquals(1.0, registry.get("weft.wasm.instances").tag("module", "test").gauge().value());
        assertEquals(1L, result(host, "bump"));
    }

    @Test
    void refusesWasiClocksAndRandomnessWithoutTheGrants() {
        ModuleHost host = host(TestModules.wasiReader(), settings(1, Set.of()));
        for (String export : new String[] {"realtime", "monotonic", "resolution"}) {
            WasmCallException refused = assertThrows(WasmCallException.class, () -> host.call(guest -> guest.call(export)));
            assertTrue(refused.getMessage().contains("which needs the 'clock' grant"), export + ": " + refused.getMessage());
        }
        WasmCallException random = assertThrows(WasmCallException.class, () -> host.call(guest -> guest.call("random")));
        assertTrue(random.getMessage().contains("called WASI random_get, which needs the 'random' grant"),
                random.getMessage());
    }

    @Test
    void givesWasiClocksAndRandomnessWithTheGrants() {
        ModuleHost host = host(TestModules.wasiReader(), settings(1, Set.of(Grant.CLOCK, Grant.RANDOM)));
        for (String export : new String[] {"realtime", "monotonic", "resolution", "random"}) {
            assertEquals(0L, result(host, export), export + " answers WASI's success");
        }
    }

    /** Calls an export that takes nothing, on an instance of its own. */
    private static Long result(ModuleHost host, String export) {
        return host.call(guest -> guest.call(export)[0]);
    }

    private ModuleHost host(byte[] wasm, ModuleSettings settings) {
        return host(TestModules.version("test", wasm), settings);
    }

    private ModuleHost host(ModuleVersion version, ModuleSettings settings) {
        return new ModuleHost("test", version, settings, (module, idle) -> new ModuleMetrics(registry, module, idle));
    }

    private static ModuleSettings settings(int maxInstances, Set<Grant> grants) {
        return settings(maxInstances, grants, false);
    }

    private static ModuleSettings settings(int maxInstances, Set<Grant> grants, boolean stateful) {
        return new ModuleSettings(grants, maxInstances, Duration.ZERO, 1 << 20, Duration.ofSeconds(5), stateful,
                Map.of(), Map.of(), Map.of());
    }

    /** An outcome's timer is registered with its first call: none yet counts 0. */
    private long calls(String outcome) {
        Timer timer = registry.find("weft.wasm.calls").tag("module", "test").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private double instantiations() {
        return registry.get("weft.wasm.instantiations").counter().count();
    }
}
