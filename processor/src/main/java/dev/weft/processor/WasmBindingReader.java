package dev.weft.processor;

import dev.weft.annotations.WasmExport;
import dev.weft.processor.ValidationReport.Checked;
import dev.weft.wasm.abi.GuestAbi;
import dev.weft.wasm.abi.ModuleManifest;
import dev.weft.wasm.abi.WasmSignature;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * Binds a {@code @WasmExport} method to its guest export: the module must be one the build
 * produced, it must export the function, with the signature the method's Java types need, and
 * with an allocator when bytes cross. Kept apart from {@link MethodReader} because it alone reads
 * the module manifests, and its mistakes are about the guest rather than the interface.
 */
final class WasmBindingReader {

    private final ModuleManifests manifests;

    WasmBindingReader(ModuleManifests manifests) {
        this.manifests = manifests;
    }

    /** The binding of a method whose parameters and return were read without errors, or nothing, with why. */
    Checked<WasmBinding> read(ExecutableElement method, WasmExport export, List<Param> params, ValueType returns) {
        ValidationReport report = ValidationReport.about(method);
        String described = MethodReader.describe(method);
        String function = export.function().isEmpty() ? method.getSimpleName().toString() : export.function();
        String at = described + " @WasmExport(module = \"" + export.module() + "\", function = \"" + function + "\")";
        Optional<WasmSignature> expected = WasmSignatures.expected(params, returns);
        if (expected.isEmpty()) {
            report.error(at + ": " + described + " cannot cross into a guest; wasm exports take and return int, long,"
                    + " float, double, boolean, byte[], String and @Json types (see docs/guest-abi.md)");
            return report.withNothing();
        }
        Optional<ModuleManifest> manifest;
        try {
            manifest = manifests.find(export.module());
        } catch (IOException | IllegalArgumentException e) {
            report.error(at + ": the manifest of module '" + export.module() + "' could not be read: " + e.getMessage());
            return report.withNothing();
        }
        if (manifest.isEmpty()) {
            List<String> available = manifests.available();
            report.error(at + ": there is no wasm module named '" + export.module() + "' in this project"
                    + (available.isEmpty() ? " (no module manifests in " + manifests.location()
                            + "; does the pom run weft-wasm-aot-maven-plugin?)"
                            : "; its modules are: " + String.join(", ", available)));
            return report.withNothing();
        }
        ModuleManifest module = manifest.get();
        WasmSignature actual = module.exports().get(function);
        if (actual == null) {
            report.error(at + ": module '" + module.name() + "' exports no function '" + function
                    + "'; its exports are: " + module.describeExports());
            return report.withNothing();
        }
        if (!actual.equals(expected.get())) {
            report.error(at + ": export '" + function + "' of module '" + module.name() + "' has signature " + actual
                    + ", but " + described + " needs " + expected.get() + " (see docs/guest-abi.md)");
            return report.withNothing();
        }
        // (i32,i32)->(i64) is both "bytes in, bytes out" and "bytes in, a long out": only the guest's
        // own record of its results tells them apart.
        Boolean exportReturnsBytes = module.returnsBytes().get(function);
        if (exportReturnsBytes != null && exportReturnsBytes != returns.isByteLike()) {
            report.error(at + ": export '" + function + "' of module '" + module.name() + "' returns "
                    + (exportReturnsBytes
                            ? "bytes (its i64 is a pointer and a length), but " + described
                                    + " returns a number; declare it byte[], String or a @Json type"
                            : "a number, but " + described + " returns bytes; declare it long")
                    + " (see docs/guest-abi.md)");
            return report.withNothing();
        }
        if (WasmSignatures.usesMemory(params, returns) && !exportsAllocator(module)) {
            report.error(at + ": " + described + " passes bytes, so module '" + module.name()
                    + "' must export " + GuestAbi.ALLOC + GuestAbi.ALLOC_SIGNATURE + " and " + GuestAbi.FREE
                    + GuestAbi.FREE_SIGNATURE + " (the weft-guest crate provides both)");
            return report.withNothing();
        }
        return report.with(new WasmBinding(module, function, actual));
    }

    private static boolean exportsAllocator(ModuleManifest module) {
        return GuestAbi.ALLOC_SIGNATURE.equals(module.exports().get(GuestAbi.ALLOC))
                && GuestAbi.FREE_SIGNATURE.equals(module.exports().get(GuestAbi.FREE));
    }
}
