package dev.weft.runtime.internal.wasm;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.internal.http.CurrentRequest;
import dev.weft.runtime.internal.json.JsonCodec;
import dev.weft.wasm.abi.HostImport;
import dev.weft.wasm.abi.WasmSignature;
import dev.weft.wasm.abi.WasmType;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The host side of the {@code weft} imports (docs/guest-abi.md), bound to one module: its name for
 * the log, its grants, its configuration values. WASI, per instance, is {@link GuestWasi}'s.
 */
final class HostImports {

    private static final long[] NO_RESULT = null;
    private static final long ABSENT = -1;

    private final String module;
    private final ModuleSettings settings;
    private final Logger log;
    private final DataImports data;

    HostImports(String module, ModuleSettings settings) {
        this(module, settings, DataImports.none(module));
    }

    HostImports(String module, ModuleSettings settings, DataImports data) {
        this.module = module;
        this.settings = settings;
        this.data = data;
        this.log = System.getLogger("weft.wasm." + module);
    }

    /** Every Weft host function, as Chicory imports; they hold no state, so instances share them. */
    List<HostFunction> functions() {
        List<HostFunction> functions = new java.util.ArrayList<>();
        for (dev.weft.wasm.abi.HostImport function : dev.weft.wasm.abi.HostImport.values()) {
            functions.add(new HostFunction(
                    dev.weft.wasm.abi.HostImport.MODULE,
                    function.importName(),
                    functionType(function.signature()),
                    guarded(function, handle(function))));
        }
        return List.copyOf(functions);
    }

    private WasmFunctionHandle handle(dev.weft.wasm.abi.HostImport function) {
        return switch (function) {
            case LOG -> (instance, args) -> log(instance, (int) args[0], (int) args[1], (int) args[2]);
            case FAIL -> (instance, args) -> {
                throw fail((int) args[0], text(instance.memory(), (int) args[1], (int) args[2]));
            };
            case NOW_NANOS -> (instance, args) -> new long[] {System.nanoTime()};
            case REQUEST_HEADER -> (instance, args) -> {
                String name = text(instance.memory(), (int) args[0], (int) args[1]);
                String value = CurrentRequest.get().map(request -> request.header(name)).orElse(null);
                return copyOut(instance, utf8(value), (int) args[2], (int) args[3]);
            };
            case PRINCIPAL -> (instance, args) -> copyOut(instance, principalJson(), (int) args[0], (int) args[1]);
            case CONFIG -> (instance, args) -> {
                String key = text(instance.memory(), (int) args[0], (int) args[1]);
                return copyOut(instance, utf8(settings.values().get(key)), (int) args[2], (int) args[3]);
            };
            case TAKE_RESULT -> (instance, args) -> data.takeResult(instance, (int) args[0], (int) args[1]);
            case KV_GET -> data::kvGet;
            case KV_SET -> data::kvSet;
            case KV_DELETE -> data::kvDelete;
            case KV_EXISTS -> data::kvExists;
            case KV_INCREMENT -> data::kvIncrement;
            case KV_KEYS -> data::kvKeys;
            case SQL_QUERY -> data::sqlQuery;
            case SQL_EXECUTE -> data::sqlExecute;
        };
    }

    /** A function the module was not granted fails the call, whatever the guest does next. */
    private WasmFunctionHandle guarded(dev.weft.wasm.abi.HostImport function, WasmFunctionHandle handle) {
        if (settings.granted(function.grant())) {
            return handle;
        }
        String grant = function.grant().name().toLowerCase(Locale.ROOT);
        return (instance, args) -> {
            throw new MissingGrantException(module, "weft." + function.importName(), grant);
        };
    }

    private long[] log(Instance instance, int level, int pointer, int length) {
        Level logLevel = switch (level) {
            case 0 -> Level.TRACE;
            case 1 -> Level.DEBUG;
            case 2 -> Level.INFO;
            case 3 -> Level.WARNING;
            default -> Level.ERROR;
        };
        if (log.isLoggable(logLevel)) {
            log.log(logLevel, "[" + module + "] " + text(instance.memory(), pointer, length));
        }
        return NO_RESULT;
    }

    private GuestFailure fail(int status, String message) {
        if (status < 400 || status > 599) {
            return new GuestFailure(500, "the wasm module '" + module + "' failed with an invalid status " + status);
        }
        return new GuestFailure(status, message);
    }

    /** The principal as {@code {"subject":"…","roles":[…]}}, or null for an anonymous request. */
    private static byte[] principalJson() {
        Request request = CurrentRequest.get().orElse(null);
        Principal principal = request == null ? null : request.attribute(Principal.ATTRIBUTE);
        if (principal == null) {
            return null;
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("subject", principal.subject());
        tree.put("roles", principal.roles());
        return JsonCodec.writeTree(tree);
    }

    /**
     * The buffer convention of the ABI: copy the value when it fits, and always return its full
     * length, so that the guest can call again with a buffer large enough; -1 when absent.
     */
    private static long[] copyOut(Instance instance, byte[] bytes, int buffer, int capacity) {
        if (bytes == null) {
            return new long[] {ABSENT};
        }
        if (bytes.length <= capacity) {
            instance.memory().write(buffer, bytes);
        }
        return new long[] {bytes.length};
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Memory memory, int pointer, int length) {
        return new String(memory.readBytes(pointer, length), StandardCharsets.UTF_8);
    }

    private static FunctionType functionType(WasmSignature signature) {
        return FunctionType.of(valTypes(signature.params()), valTypes(signature.results()));
    }

    private static List<ValType> valTypes(List<WasmType> types) {
        return types.stream()
                .map(type -> switch (type) {
                    case I32 -> ValType.I32;
                    case I64 -> ValType.I64;
                    case F32 -> ValType.F32;
                    case F64 -> ValType.F64;
                })
                .toList();
    }

    /** A guest called a host function that needs a grant it lacks. */
    static final class MissingGrantException extends RuntimeException {
        MissingGrantException(String module, String function, String grant) {
            super("wasm module '" + module + "' called " + function + ", which needs the '" + grant
                    + "' grant: add " + grant + " to weft.wasm.modules." + module + ".grants");
        }
    }
}
