package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import dev.weft.runtime.generated.GuestPoll;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The pass over loops.wat as the plugin compiles it. The test class path has a stand-in
 * GuestPoll (src/test/java/dev/weft/runtime/generated) that counts its polls.
 */
class InterruptionCheckPassTest {

    private static final String CLASS_NAME = "com.example.wasm.LoopsModule";

    @TempDir
    Path temp;

    private URLClassLoader loader;
    private Instance instance;

    @BeforeEach
    void compileAndInstantiate() throws Exception {
        Path classes = temp.resolve("classes");
        Path sources = temp.resolve("sources");
        new AotCompiler(classes, sources, InterpreterFallback.FAIL).compile(Fixtures.wasm("loops"), CLASS_NAME);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("java.class.path") + File.pathSeparator + classes;
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp", classPath, "-proc:none",
                sources.resolve("com/example/wasm/LoopsModule.java").toString()));

        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        Class<?> module = loader.loadClass(CLASS_NAME);
        WasmModule wasm = (WasmModule) module.getMethod("load").invoke(null);
        instance = Instance.builder(wasm).withMachineFactory(i -> {
            try {
                return (Machine) module.getMethod("create", Instance.class).invoke(null, i);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }).build();
        GuestPoll.budget = 100;
        GuestPoll.POLLS.set(0);
    }

    @AfterEach
    void close() throws Exception {
        loader.close();
    }

    /** The compiled module's classes (Chicory's machine classes, after the pass), read. */
    private List<ClassNode> machineClasses() throws IOException {
        List<ClassNode> nodes = new ArrayList<>();
        try (Stream<Path> files = Files.list(temp.resolve("classes/com/example/wasm"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("LoopsModuleMachine")).toList()) {
                ClassNode node = new ClassNode();
                new ClassReader(Files.readAllBytes(file)).accept(node, 0);
                nodes.add(node);
            }
        }
        return nodes;
    }

    @Test
    void noFunctionCallsChicorysCheckAnyMore() throws Exception {
        int polls = 0;
        for (ClassNode node : machineClasses()) {
            for (var method : node.methods) {
                for (var insn : method.instructions) {
                    if (insn instanceof MethodInsnNode call && method.name.startsWith("func_")) {
                        assertFalse(call.name.equals("checkInterruption"), method.name + " still checks");
                        polls += call.owner.equals(InterruptionCheckPass.POLL_OWNER) && call.name.equals("poll") ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(polls >= 3, "one poll site per loop at least: " + polls);
        // Nothing left to rewrite: a second run (an incremental build) changes nothing.
        assertEquals(0, InterruptionCheckPass.rewrite(temp.resolve("classes"), CLASS_NAME));
    }

    /**
     * At a loop's back-edge the countdown jumps straight to the loop head, and the poll has a
     * back-edge of its own: C2 then splits the hot one off as an inner loop with no call in it,
     * which it can make a counted loop (the matmul guest at n=500: 3.1-3.3 times Java before, 2.8 after).
     */
    @Test
    void theCountdownJumpsStraightBackToTheLoopHead() throws Exception {
        int backEdges = 0;
        for (ClassNode node : machineClasses()) {
            for (var method : node.methods) {
                for (var insn : method.instructions) {
                    if (insn instanceof MethodInsnNode call && call.name.equals("poll")
                            && call.owner.equals(InterruptionCheckPass.POLL_OWNER)) {
                        JumpInsnNode countdown = (JumpInsnNode) call.getPrevious();
                        assertEquals(Opcodes.IFGT, countdown.getOpcode());
                        AbstractInsnNode after = call.getNext().getNext(); // past the countdown's store
                        while (after.getOpcode() < 0) {
                            after = after.getNext();
                        }
                        if (after instanceof JumpInsnNode jump && jump.getOpcode() == Opcodes.GOTO) {
                            assertEquals(jump.label, countdown.label, method.name + ": the hot back-edge");
                            backEdges++;
                        }
                    }
                }
            }
        }
        assertTrue(backEdges >= 3, "sum, nested and spin each loop back: " + backEdges);
    }

    @Test
    void resultsAreUnchangedAndTheThreadIsPolledOncePerBudget() {
        long n = 100_000;
        assertEquals(n * (n - 1) / 2, instance.export("sum").apply(n)[0]);
        int polls = GuestPoll.POLLS.get();
        // About n back-edges, one poll per 100.
        assertTrue(polls >= n / 100 - 2 && polls <= n / 100 + 2, "polls: " + polls);

        long expected = 0;
        for (long i = 0; i < 300; i++) {
            expected += i * (i - 1) / 2;
        }
        assertEquals(expected, instance.export("nested").apply(300)[0]);
        assertEquals(0L, instance.export("sum").apply(0)[0]);
    }

    @Test
    void anInterruptedRunawayLoopStopsAtItsFirstPoll() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread guest = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                instance.export("spin").apply();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        guest.start();
        guest.join(10_000);
        assertFalse(guest.isAlive(), "the loop did not stop");
        assertInstanceOf(ChicoryInterruptedException.class, thrown.get());
        // Interrupted before it started: stopped at the first poll, after at most one budget of back-edges.
        assertEquals(1, GuestPoll.POLLS.get());
    }

    @Test
    void aRunawayLoopInterruptedLaterStopsToo() throws Exception {
        GuestPoll.budget = 10_000;
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread guest = new Thread(() -> {
            try {
                instance.export("spin").apply();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        guest.start();
        while (GuestPoll.POLLS.get() < 3) {
            Thread.onSpinWait();
        }
        guest.interrupt();
        guest.join(10_000);
        assertFalse(guest.isAlive(), "the loop did not stop");
        assertInstanceOf(ChicoryInterruptedException.class, thrown.get());
    }
}
