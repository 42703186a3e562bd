package dev.weft.wasm.abi;

import static dev.weft.wasm.abi.WasmType.I32;
import static dev.weft.wasm.abi.WasmType.I64;

import java.util.List;
import java.util.Optional;

/**
 * The host functions Weft offers guests, all imported from the module {@value #MODULE}. The build
 * refuses a module that imports anything else; the runtime implements exactly these. See
 * docs/guest-abi.md for what each one does.
 */
public enum HostImport {
    LOG("log", WasmSignature.of(List.of(I32, I32, I32), List.of()), Grant.NONE),
    FAIL("fail", WasmSignature.of(List.of(I32, I32, I32), List.of()), Grant.NONE),
    NOW_NANOS("now_nanos", WasmSignature.of(List.of(), List.of(I64)), Grant.CLOCK),
    REQUEST_HEADER(
            "request_header", WasmSignature.of(List.of(I32, I32, I32, I32), List.of(I32)), Grant.NONE),
    PRINCIPAL("principal", WasmSignature.of(List.of(I32, I32), List.of(I32)), Grant.NONE),
    CONFIG("config", WasmSignature.of(List.of(I32, I32, I32, I32), List.of(I32)), Grant.NONE),
    // The data imports: each checks the module's grant for the named store or database itself
    // (weft.wasm.modules.<m>.kv-stores / .databases), and answers an error code rather than trap.
    TAKE_RESULT("take_result", WasmSignature.of(List.of(I32, I32), List.of(I32)), Grant.NONE),
    KV_GET("kv_get", WasmSignature.of(List.of(I32, I32, I32, I32), List.of(I32)), Grant.NONE),
    KV_SET("kv_set", WasmSignature.of(List.of(I32, I32, I32, I32, I32, I32), List.of(I32)), Grant.NONE),
    KV_DELETE("kv_delete", WasmSignature.of(List.of(I32, I32, I32, I32), List.of(I32)), Grant.NONE),
    KV_EXISTS("kv_exists", WasmSignature.of(List.of(I32, I32, I32, I32), List.of(I32)), Grant.NONE),
    KV_INCREMENT("kv_increment", WasmSignature.of(List.of(I32, I32, I32, I32, I64, I32), List.of(I32)), Grant.NONE),
    KV_KEYS("kv_keys", WasmSignature.of(List.of(I32, I32, I32, I32, I32), List.of(I32)), Grant.NONE),
    SQL_QUERY("sql_query", WasmSignature.of(List.of(I32, I32, I32, I32, I32, I32), List.of(I32)), Grant.NONE),
    SQL_EXECUTE("sql_execute", WasmSignature.of(List.of(I32, I32, I32, I32, I32, I32, I32), List.of(I32)), Grant.NONE);

    /** The import module name of every Weft host function. */
    public static final String MODULE = "weft";

    private final String importName;
    private final WasmSignature signature;
    private final Grant grant;

    HostImport(String importName, WasmSignature signature, Grant grant) {
        this.importName = importName;
        this.signature = signature;
        this.grant = grant;
    }

    public String importName() {
        return importName;
    }

    public WasmSignature signature() {
        return signature;
    }

    /** The capability a module must be granted before it may call this function. */
    public Grant grant() {
        return grant;
    }

    /** The host function a guest imports as {@code module.name}, if Weft offers it. */
    public static Optional<HostImport> find(String module, String name) {
        if (!MODULE.equals(module)) {
            return Optional.empty();
        }
        for (HostImport function : values()) {
            if (function.importName.equals(name)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** Capabilities that configuration grants a module; a module has none by default. */
    public enum Grant {
        /** Needs no grant. */
        NONE,
        /** Reading a clock: {@code weft.now_nanos}, WASI's clocks. */
        CLOCK,
        /** Random bytes: WASI's {@code random_get}. */
        RANDOM,
        /** Environment variables, the configured ones only: WASI's {@code environ_get}. */
        ENV,
        /** Files, in the configured folders only: WASI's file functions. */
        FILES
    }
}
