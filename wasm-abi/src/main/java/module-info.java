/** What host and guest agree on: the guest ABI, Weft's host imports, a module's interface and its manifest. */
module dev.weft.wasm.abi {
    // Only ModuleInterface.read takes a parsed module; its callers bring Chicory's wasm module themselves.
    requires static com.dylibso.chicory.wasm;

    exports dev.weft.wasm.abi;
}
