package dev.weft.processor;

import dev.weft.wasm.abi.GuestAbi;
import dev.weft.wasm.abi.ModuleManifest;
import dev.weft.wasm.abi.WasmSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Module manifests as the Maven plugin writes them, for the processor to check bindings against. */
final class ManifestFixtures {

    private static Path directory;

    private ManifestFixtures() {}

    /** A folder with the manifests of modules {@code matmul}, {@code echo}, {@code sizes} and {@code bare}. */
    static synchronized Path directory() throws IOException {
        if (directory == null) {
            directory = Files.createTempDirectory("weft-manifests");
            directory.toFile().deleteOnExit(); // after its files, which register later
            write(new ModuleManifest("matmul", "test.wasm.MatmulModule", "src/main/rust/matmul", "00",
                    Map.of("matmul", WasmSignature.parse("(i32,i64)->(i64)"),
                            GuestAbi.ALLOC, GuestAbi.ALLOC_SIGNATURE,
                            GuestAbi.FREE, GuestAbi.FREE_SIGNATURE),
                    List.of()));
            write(new ModuleManifest("echo", "test.wasm.EchoModule", "src/main/rust/echo", "01",
                    Map.of("echo", WasmSignature.parse("(i32,i32)->(i64)"),
                            "add", WasmSignature.parse("(i32,i32)->(i32)"),
                            GuestAbi.ALLOC, GuestAbi.ALLOC_SIGNATURE,
                            GuestAbi.FREE, GuestAbi.FREE_SIGNATURE),
                    List.of()));
            // Built with weft-guest's export!, which records what each result is: both exports are
            // (i32,i32)->(i64), one returning bytes, the other a number.
            write(new ModuleManifest("sizes", "test.wasm.SizesModule", "src/main/rust/sizes", "03",
                    Map.of("copy", WasmSignature.parse("(i32,i32)->(i64)"),
                            "size", WasmSignature.parse("(i32,i32)->(i64)"),
                            GuestAbi.ALLOC, GuestAbi.ALLOC_SIGNATURE,
                            GuestAbi.FREE, GuestAbi.FREE_SIGNATURE),
                    List.of(),
                    Map.of("copy", true, "size", false)));
            // A module without the allocator exports: it can take numbers only.
            write(new ModuleManifest("bare", "test.wasm.BareModule", "src/main/wasm/bare.wasm", "02",
                    Map.of("add", WasmSignature.parse("(i32,i32)->(i32)"),
                            "scale", WasmSignature.parse("(f64,f32)->(f64)"),
                            "reset", WasmSignature.parse("()->()"),
                            "echo", WasmSignature.parse("(i32,i32)->(i64)")),
                    List.of()));
        }
        return directory;
    }

    private static void write(ModuleManifest manifest) throws IOException {
        Path file = Files.writeString(directory.resolve(manifest.name() + ".properties"), manifest.write());
        file.toFile().deleteOnExit();
    }
}
