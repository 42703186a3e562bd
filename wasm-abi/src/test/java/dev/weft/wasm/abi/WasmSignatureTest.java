package dev.weft.wasm.abi;

import static dev.weft.wasm.abi.WasmType.F64;
import static dev.weft.wasm.abi.WasmType.I32;
import static dev.weft.wasm.abi.WasmType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WasmSignatureTest {

    @Test
    void formatsAndParsesTheTextForm() {
        WasmSignature signature = WasmSignature.of(List.of(I32, I64), List.of(F64));
        assertEquals("(i32,i64)->(f64)", signature.toString());
        assertEquals(signature, WasmSignature.parse("(i32, i64) -> (f64)"));
        assertEquals(WasmSignature.of(List.of(), List.of()), WasmSignature.parse("()->()"));
    }

    @Test
    void rejectsMalformedText() {
        assertThrows(IllegalArgumentException.class, () -> WasmSignature.parse("(i32)"));
        assertThrows(IllegalArgumentException.class, () -> WasmSignature.parse("i32->i32"));
        assertThrows(IllegalArgumentException.class, () -> WasmSignature.parse("(i8)->()"));
    }

    @Test
    void packsPointerAndLengthAsUnsignedHalves() {
        long packed = GuestAbi.pack(0x8000_0010, 0xFFFF_FFF0);
        assertEquals(0x8000_0010, GuestAbi.packedPointer(packed));
        assertEquals(0xFFFF_FFF0, GuestAbi.packedLength(packed));
        assertEquals(0x0000_0004_0000_0002L, GuestAbi.pack(4, 2));
    }

    @Test
    void findsOfferedHostImportsOnly() {
        assertEquals(HostImport.NOW_NANOS, HostImport.find("weft", "now_nanos").orElseThrow());
        assertEquals(HostImport.Grant.CLOCK, HostImport.NOW_NANOS.grant());
        assertEquals(true, HostImport.find("env", "now_nanos").isEmpty());
        assertEquals(true, HostImport.find("weft", "open_file").isEmpty());
    }
}
