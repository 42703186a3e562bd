package dev.weft.runtime.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.weft.runtime.generated.GuestBuffer;
import dev.weft.runtime.internal.metrics.ModuleMetrics;
import dev.weft.runtime.json.JsonTypes;
import dev.weft.runtime.wasm.WasmCallException;
import dev.weft.wasm.abi.GuestAbi;
import io.avaje.jsonb.JsonType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes the host's side of the guest ABI with a guest that lies: its allocator hands out pointers
 * of the fuzzer's choice, and its results are packed pointers and lengths of the fuzzer's choice
 * (outside memory, negative, overlapping the end, over 2 GiB), pointing at bytes of its choice
 * (malformed UTF-8, malformed or deeply nested JSON). Each call either gives back exactly the bytes
 * in memory or fails as a {@link WasmCallException} (a 500); no other exception escapes, and the
 * module goes on serving the next call.
 *
 * <p>To fuzz: {@code JAZZER_FUZZ=1 mvn -pl runtime test -Dtest=GuestAbiFuzzTest} (runtime/README.md).
 */
class GuestAbiFuzzTest {

    private static final int PAGE = 65_536;
    private static final JsonType<Object> ANY = JsonTypes.of(Object.class);
    private static final ModuleHost HOST = new ModuleHost("hostile", TestModules.version("hostile", TestModules.hostile()),
            new ModuleSettings(Set.of(), 1, Duration.ZERO, 2 * PAGE, Duration.ofSeconds(5), false, Map.of(), Map.of(), Map.of()),
            (module, idle) -> new ModuleMetrics(new SimpleMeterRegistry(), module, idle));

    @FuzzTest(maxDuration = "10s")
    void takesWhatAGuestReturnsOrFailsCleanly(FuzzedDataProvider data) {
        int allocAt = data.consumeBoolean() ? data.consumeInt(-8, PAGE + 8) : data.consumeInt();
        byte[] argument = data.consumeBytes(data.consumeInt(0, 512));
        int pointer = data.consumeBoolean() ? data.consumeInt(-8, PAGE + 8) : data.consumeInt();
        int length = data.consumeBoolean() ? data.consumeInt(-8, PAGE + 8) : data.consumeInt();
        int as = data.consumeInt(0, 2);
        try {
            HOST.call(guest -> {
                guest.call("set_alloc", allocAt);
                GuestBuffer buffer = guest.write(argument);
                long packed = guest.call("give", GuestAbi.pack(pointer, length))[0];
                switch (as) {
                    case 0 -> {
                        byte[] taken = guest.takeBytes(packed);
                        // Within memory, the bytes as they are there: the argument when the ranges match.
                        if (buffer.length() > 0 && pointer == buffer.pointer() && length == buffer.length()) {
                            assertArrayEquals(argument, taken);
                        }
                        assertEquals(Math.max(length, 0), taken.length);
                    }
                    case 1 -> guest.takeText(packed);
                    default -> guest.takeJson(packed, ANY);
                }
                return null;
            });
        } catch (WasmCallException expected) {
            // a guest's fault: 500, and its instance discarded
        }
        assertEquals(7L, HOST.<Long>call(guest -> guest.call("give", 7L)[0]), "the module still serves");
    }

    /** avaje's reader recurses per level: 20,000 levels from a guest overflowed the stack, an Error rather than a 500. */
    @Test
    void refusesJsonNestedTooDeeplyFromAGuest() {
        byte[] deep = "[".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        WasmCallException refused = assertThrows(WasmCallException.class, () -> HOST.call(guest -> {
            guest.call("set_alloc", 1024);
            GuestBuffer buffer = guest.write(deep);
            return guest.takeJson(guest.call("give", GuestAbi.pack(buffer.pointer(), buffer.length()))[0], ANY);
        }));
        assertTrue(refused.getMessage().contains("nested more than 128 levels"), refused.getMessage());
        assertEquals(7L, HOST.<Long>call(guest -> guest.call("give", 7L)[0]));
    }
}
