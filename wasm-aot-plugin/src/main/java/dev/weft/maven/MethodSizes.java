package dev.weft.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * Reads the bytecode length of each method of a class file.
 *
 * <p>HotSpot never JIT-compiles a method whose bytecode is longer than 8000 bytes
 * ({@code -XX:+DontCompileHugeMethods}, on by default): such a method runs in the interpreter for
 * ever, some hundred times slower. A wasm function that LLVM or wasm-opt inlined heavily can compile
 * to such a method, and nothing at run time says so; the plugin warns at build time instead.
 * ASM's tree API does not expose the length, so this walks the class file's method table.
 */
final class MethodSizes {

    /** HotSpot's {@code HugeMethodLimit}: longer methods are not compiled. */
    static final int HUGE_METHOD_LIMIT = 8000;

    private MethodSizes() {}

    /** The length of the Code attribute of each method with code, keyed by name and descriptor. */
    static Map<String, Integer> codeLengths(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        char[] buffer = new char[reader.getMaxStringLength()];
        int offset = reader.header + 6; // access_flags, this_class, super_class
        offset += 2 + 2 * reader.readUnsignedShort(offset); // interfaces
        int fields = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < fields; i++) {
            offset = skipAttributes(reader, offset + 6);
        }
        Map<String, Integer> lengths = new LinkedHashMap<>();
        int methods = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < methods; i++) {
            String name = reader.readUTF8(offset + 2, buffer);
            String descriptor = reader.readUTF8(offset + 4, buffer);
            int attributes = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                String attribute = reader.readUTF8(offset, buffer);
                int length = reader.readInt(offset + 2);
                if (attribute.equals("Code")) {
                    // max_stack (u2), max_locals (u2), code_length (u4)
                    lengths.put(name + descriptor, reader.readInt(offset + 6 + 4));
                }
                offset += 6 + length;
            }
        }
        return lengths;
    }

    private static int skipAttributes(ClassReader reader, int offset) {
        int attributes = reader.readUnsignedShort(offset);
        offset += 2;
        for (int a = 0; a < attributes; a++) {
            offset += 6 + reader.readInt(offset + 2);
        }
        return offset;
    }
}
