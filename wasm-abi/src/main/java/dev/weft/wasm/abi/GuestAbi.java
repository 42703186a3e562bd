package dev.weft.wasm.abi;

import static dev.weft.wasm.abi.WasmType.I32;

import java.util.List;

/** The exports through which the host moves bytes into and out of a guest (docs/guest-abi.md). */
public final class GuestAbi {

    /** {@code weft_alloc(len) -> ptr}. */
    public static final String ALLOC = "weft_alloc";

    /** {@code weft_free(ptr, len)}. */
    public static final String FREE = "weft_free";

    public static final WasmSignature ALLOC_SIGNATURE = WasmSignature.of(List.of(I32), List.of(I32));
    public static final WasmSignature FREE_SIGNATURE = WasmSignature.of(List.of(I32, I32), List.of());

    /**
     * The custom section in which weft-guest's {@code export!} records, for each export that
     * returns a value, whether that value is bytes (a packed {@code i64}, see {@link #pack}) or a
     * plain number: one line {@code name=bytes} or {@code name=value} each. Both are an {@code i64}
     * to wasm; only this tells a {@code long} from a {@code byte[]} at the build.
     */
    public static final String RESULTS_SECTION = "weft.results";

    /** Packs a guest buffer as a byte-like result is returned: {@code (ptr << 32) | len}. */
    public static long pack(int ptr, int len) {
        return ((long) ptr << 32) | (len & 0xFFFF_FFFFL);
    }

    /** The pointer half of a packed result. */
    public static int packedPointer(long packed) {
        return (int) (packed >>> 32);
    }

    /** The length half of a packed result. */
    public static int packedLength(long packed) {
        return (int) packed;
    }

    private GuestAbi() {}
}
