package dev.weft.processor;

import dev.weft.wasm.abi.ModuleManifest;
import dev.weft.wasm.abi.WasmSignature;

/** A method implemented by a guest export that the build has checked exists and fits. */
record WasmBinding(ModuleManifest module, String function, WasmSignature signature) {}
