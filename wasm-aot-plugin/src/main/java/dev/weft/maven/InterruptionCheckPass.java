package dev.weft.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites the interruption checks in the classes Chicory compiled for one module into a counted
 * budget.
 *
 * <p>Chicory calls its (shaded) {@code checkInterruption()}, a {@code Thread.isInterrupted()}, at
 * every loop back-edge: on a hot loop that costs 1.6-1.7x. In each wasm function ({@code func_N}),
 * this pass gives the method one more local, a countdown set from {@code GuestPoll.budget()} on
 * entry, and turns every check into
 *
 * <pre>{@code
 * if (--countdown <= 0) countdown = GuestPoll.poll();
 * }</pre>
 *
 * so that the thread is checked once every budget back-edges of an invocation. Where the check
 * stands right before a loop's back-edge ({@code goto head}), as Chicory puts it, the countdown
 * jumps to the head itself: {@code if (--countdown > 0) goto head; countdown = GuestPoll.poll();
 * goto head}. The loop then has a hot back-edge without a call and a cold one after the poll, and
 * C2 makes the hot one an inner loop of its own that it can count (strip-mined, its memory
 * accesses hoisted), where a call on any path of the loop kept it an uncounted loop. A runaway loop
 * still stops: the countdown of the function that loops reaches zero. The countdown is per
 * invocation, so a loop that calls a function whose own loop runs just under the budget each time
 * is checked after up to budget x budget inner back-edges (10^8 with the default of 10^4, about
 * 0.1 s); a single runaway loop after at most one budget. The checks Chicory makes at
 * {@code call_indirect} (methods that run once per call, where a local countdown would never reach
 * zero) are left as they are.
 */
final class InterruptionCheckPass {

    /** Changes whenever the rewrite does, so that the plugin compiles modules again. */
    static final String VERSION = "3";

    static final String POLL_OWNER = "dev/weft/runtime/generated/GuestPoll";

    private InterruptionCheckPass() {}

    /**
     * Rewrites the classes of {@code qualifiedName}'s machine under {@code classesDirectory}.
     *
     * @return the number of checks rewritten
     */
    static int rewrite(Path classesDirectory, String qualifiedName) throws IOException {
        String shaded = MachineClasses.shadedOwner(qualifiedName);
        int rewritten = 0;
        for (Path file : MachineClasses.of(classesDirectory, qualifiedName)) {
            Result result = rewriteClass(Files.readAllBytes(file), shaded);
            if (result.checks() > 0) {
                Files.write(file, result.bytes());
                rewritten += result.checks();
            }
        }
        return rewritten;
    }

    record Result(byte[] bytes, int checks) {}

    /** One class; a method the rewrite would make too large for the JVM keeps Chicory's checks. */
    static Result rewriteClass(byte[] bytes, String shadedOwner) {
        Set<String> tooLarge = new HashSet<>();
        while (true) {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, 0);
            int checks = 0;
            for (MethodNode method : node.methods) {
                if (method.name.startsWith("func_") && !tooLarge.contains(method.name + method.desc)) {
                    checks += rewriteMethod(method, shadedOwner);
                }
            }
            if (checks == 0) {
                return new Result(bytes, 0);
            }
            // Frames are computed anew; the types in them are the module's own and Chicory's
            // runtime types, which the plugin's class loader knows.
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                @Override
                protected ClassLoader getClassLoader() {
                    return InterruptionCheckPass.class.getClassLoader();
                }

                @Override
                protected String getCommonSuperClass(String type1, String type2) {
                    try {
                        return super.getCommonSuperClass(type1, type2);
                    } catch (TypeNotPresentException e) {
                        return "java/lang/Object";
                    }
                }
            };
            try {
                node.accept(writer);
                return new Result(writer.toByteArray(), checks);
            } catch (MethodTooLargeException e) {
                tooLarge.add(e.getMethodName() + e.getDescriptor());
            }
        }
    }

    private static int rewriteMethod(MethodNode method, String shadedOwner) {
        int countdown = -1;
        int checks = 0;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; ) {
            AbstractInsnNode next = insn.getNext();
            if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESTATIC
                    && call.owner.equals(shadedOwner) && call.name.equals("checkInterruption") && call.desc.equals("()V")) {
                if (countdown < 0) {
                    countdown = method.maxLocals++;
                }
                // Before a back-edge (the check is followed by "goto head"), the countdown jumps to
                // the loop head itself: the loop gets two back-edges, a hot one without the call
                // and a cold one after it, and C2 makes the hot one an inner loop free of calls.
                AbstractInsnNode following = next;
                while (following != null && following.getOpcode() < 0) {
                    following = following.getNext();
                }
                LabelNode skip = new LabelNode();
                LabelNode target = following instanceof JumpInsnNode jump && jump.getOpcode() == Opcodes.GOTO
                        ? jump.label : skip;
                InsnList poll = new InsnList();
                poll.add(new IincInsnNode(countdown, -1));
                poll.add(new VarInsnNode(Opcodes.ILOAD, countdown));
                poll.add(new JumpInsnNode(Opcodes.IFGT, target));
                poll.add(new MethodInsnNode(Opcodes.INVOKESTATIC, POLL_OWNER, "poll", "()I", false));
                poll.add(new VarInsnNode(Opcodes.ISTORE, countdown));
                poll.add(skip);
                method.instructions.insert(call, poll);
                method.instructions.remove(call);
                checks++;
            }
            insn = next;
        }
        if (checks > 0) {
            InsnList start = new InsnList();
            start.add(new MethodInsnNode(Opcodes.INVOKESTATIC, POLL_OWNER, "budget", "()I", false));
            start.add(new VarInsnNode(Opcodes.ISTORE, countdown));
            method.instructions.insert(start);
        }
        return checks;
    }
}
