package dev.weft.runtime.internal.wasm;

import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.wasm.Parser;
import dev.weft.wasm.abi.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Small wasm modules for the host's tests, written out in the binary format (no toolchain needed
 * at test time). Each module's text form is in its comment.
 */
final class TestModules {

    private static final int I32 = 0x7F;
    private static final int I64 = 0x7E;
    private static final int END = 0x0B;

    private TestModules() {}

    /**
     * A counter kept twice, in a mutable global and at address 0 of its one page of memory
     * (at most 4):
     * <pre>
     * (global $count (mut i32) (i32.const 0))
     * (func (export "bump") (result i32)   ;; both counters + 1, returns the global
     * (func (export "peek") (result i32)   ;; the counter in memory
     * (func (export "grow") (result i32)   ;; memory.grow 1
     * (func (export "pages") (result i32)  ;; memory.size
     * (func (export "trap")                ;; unreachable
     * (func (export "spin") (loop (br 0)))  ;; never returns
     * </pre>
     */
    static byte[] counter() {
        return module(
                section(1, vec(funcType(new int[0], I32), funcType(new int[0]))),
                section(3, vec(bytes(0), bytes(0), bytes(0), bytes(0), bytes(1), bytes(1))),
                section(5, vec(bytes(0x01, 1, 4))),
                section(6, vec(bytes(I32, 0x01, 0x41, 0x00, END))),
                section(7, vec(export("bump", 0), export("peek", 1), export("grow", 2), export("pages", 3),
                        export("trap", 4), export("spin", 5))),
                section(10, vec(
                        body(0x23, 0, 0x41, 1, 0x6A, 0x24, 0,              // global += 1
                                0x41, 0, 0x41, 0, 0x28, 2, 0, 0x41, 1, 0x6A, 0x36, 2, 0, // mem[0] += 1
                                0x23, 0),
                        body(0x41, 0, 0x28, 2, 0),
                        body(0x41, 1, 0x40, 0),
                        body(0x3F, 0),
                        body(0x00),
                        body(0x03, 0x40, 0x0C, 0, END))));
    }

    /**
     * A module whose start function grows its memory, as an allocator's first use does:
     * <pre>
     * (memory 1 4)
     * (func $start (drop (memory.grow (i32.const 1))))  (start $start)
     * (func (export "grow") (result i32)   ;; memory.grow 1
     * (func (export "pages") (result i32)  ;; memory.size
     * </pre>
     */
    static byte[] growingAtStart() {
        return module(
                section(1, vec(funcType(new int[0], I32), funcType(new int[0]))),
                section(3, vec(bytes(1), bytes(0), bytes(0))),
                section(5, vec(bytes(0x01, 1, 4))),
                section(7, vec(export("grow", 1), export("pages", 2))),
                section(8, leb(0)),
                section(10, vec(
                        body(0x41, 1, 0x40, 0, 0x1A),
                        body(0x41, 1, 0x40, 0),
                        body(0x3F, 0))));
    }

    /** {@code (func (export "answer") (result i32) (i32.const n))}: versions told apart by n (0-63). */
    static byte[] answer(int n) {
        return module(
                section(1, vec(funcType(new int[0], I32))),
                section(3, vec(bytes(0))),
                section(7, vec(export("answer", 0))),
                section(10, vec(body(0x41, n))));
    }

    /** {@code (func (export "answer"))}: an export of that name, but of another type than {@link #answer}'s. */
    static byte[] answerOfAnotherType() {
        return module(
                section(1, vec(funcType(new int[0]))),
                section(3, vec(bytes(0))),
                section(7, vec(export("answer", 0))),
                section(10, vec(body())));
    }

    /** {@code (func $start (loop (br 0))) (start $start)}: instantiation never ends. */
    static byte[] endlessStart() {
        return module(
                section(1, vec(funcType(new int[0]))),
                section(3, vec(bytes(0))),
                section(8, leb(0)),
                section(10, vec(body(0x03, 0x40, 0x0C, 0, END))));
    }

    /**
     * Reads WASI's clocks and randomness; each export returns WASI's errno (0 on success):
     * <pre>
     * (import "wasi_snapshot_preview1" "clock_time_get" (func (param i32 i64 i32) (result i32)))
     * (import "wasi_snapshot_preview1" "clock_res_get" (func (param i32 i32) (result i32)))
     * (import "wasi_snapshot_preview1" "random_get" (func (param i32 i32) (result i32)))
     * (memory 1)
     * (func (export "realtime") (result i32)   ;; clock_time_get(0, 0, 8)
     * (func (export "monotonic") (result i32)  ;; clock_time_get(1, 0, 8)
     * (func (export "resolution") (result i32) ;; clock_res_get(1, 8)
     * (func (export "random") (result i32)     ;; random_get(16, 8)
     * </pre>
     */
    static byte[] wasiReader() {
        String wasi = "wasi_snapshot_preview1";
        return module(
                section(1, vec(funcType(new int[] {I32, I64, I32}, I32), funcType(new int[] {I32, I32}, I32),
                        funcType(new int[0], I32))),
                section(2, vec(importFunction(wasi, "clock_time_get", 0), importFunction(wasi, "clock_res_get", 1),
                        importFunction(wasi, "random_get", 1))),
                section(3, vec(bytes(2), bytes(2), bytes(2), bytes(2))),
                section(5, vec(bytes(0x00, 1))),
                section(7, vec(export("realtime", 3), export("monotonic", 4), export("resolution", 5),
                        export("random", 6))),
                section(10, vec(
                        body(0x41, 0, 0x42, 0, 0x41, 8, 0x10, 0),
                        body(0x41, 1, 0x42, 0, 0x41, 8, 0x10, 0),
                        body(0x41, 1, 0x41, 8, 0x10, 1),
                        body(0x41, 16, 0x41, 8, 0x10, 2))));
    }

    /**
     * A guest that returns whatever the host asks it to: the pointer its allocator hands out and
     * the packed pointer and length of a result are the caller's choice, for fuzzing the host's
     * side of the ABI with the answers of a hostile guest.
     * <pre>
     * (memory 1 2)
     * (global $next (mut i32) (i32.const 0))
     * (func (export "weft_alloc") (param i32) (result i32) (global.get $next))
     * (func (export "weft_free") (param i32 i32))
     * (func (export "set_alloc") (param i32) (global.set $next (local.get 0)))
     * (func (export "give") (param i64) (result i64) (local.get 0))
     * </pre>
     */
    static byte[] hostile() {
        return module(
                section(1, vec(funcType(new int[] {I32}, I32), funcType(new int[] {I32, I32}), funcType(new int[] {I32}),
                        funcType(new int[] {I64}, I64))),
                section(3, vec(bytes(0), bytes(1), bytes(2), bytes(3))),
                section(5, vec(bytes(0x01, 1, 2))),
                section(6, vec(bytes(I32, 0x01, 0x41, 0x00, END))),
                section(7, vec(export("weft_alloc", 0), export("weft_free", 1), export("set_alloc", 2), export("give", 3),
                        export("memory", 0, 0x02))),
                section(10, vec(
                        body(0x23, 0),
                        body(),
                        body(0x20, 0, 0x24, 0),
                        body(0x20, 0))));
    }

    /** A version of a module run by Chicory's interpreter, as the application's build would not. */
    static ModuleVersion version(String label, byte[] wasm) {
        return new ModuleVersion(label, Sha256.of(wasm), Parser.parse(wasm), InterpreterMachine::new);
    }

    private static byte[] module(byte[]... sections) {
        return concat(bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00), concat(sections));
    }

    private static byte[] section(int id, byte[] contents) {
        return concat(bytes(id), leb(contents.length), contents);
    }

    private static byte[] vec(byte[]... items) {
        return concat(leb(items.length), concat(items));
    }

    private static byte[] funcType(int[] params, int... results) {
        return concat(bytes(0x60), vec(each(params)), vec(each(results)));
    }

    private static byte[] importFunction(String module, String name, int type) {
        return concat(name(module), name(name), bytes(0x00, type));
    }

    private static byte[] export(String name, int function) {
        return export(name, function, 0x00);
    }

    private static byte[] export(String name, int index, int kind) {
        return concat(name(name), bytes(kind, index));
    }

    /** A function body without locals; the final {@code end} is added. */
    private static byte[] body(int... instructions) {
        byte[] code = concat(bytes(0), bytes(instructions), bytes(END));
        return concat(leb(code.length), code);
    }

    private static byte[] name(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return concat(leb(utf8.length), utf8);
    }

    private static byte[][] each(int[] types) {
        byte[][] items = new byte[types.length][];
        for (int i = 0; i < types.length; i++) {
            items[i] = bytes(types[i]);
        }
        return items;
    }

    private static byte[] leb(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int low = value & 0x7F;
            value >>>= 7;
            out.write(value == 0 ? low : low | 0x80);
        } while (value != 0);
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
