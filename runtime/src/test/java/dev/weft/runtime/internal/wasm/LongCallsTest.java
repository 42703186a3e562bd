package dev.weft.runtime.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.weft.runtime.generated.GuestPoll;
import org.junit.jupiter.api.Test;

class LongCallsTest {

    private static FlatMemory memory(int pages) {
        FlatMemory memory = new FlatMemory(new MemoryLimits(pages, pages));
        memory.snapshot();
        return memory;
    }

    @Test
    void aCallStopsMarkingOnceItHasRunLongAndNotBefore() {
        FlatMemory memory = memory(2);
        long started = 1_000_000_000L;
        Object previous = LongCalls.started(memory, started);
        try {
            LongCalls.poll(started + memory.markingStopsAfterNanos() - 1);
            assertTrue(memory.marking(), "not yet long");
            LongCalls.poll(started + memory.markingStopsAfterNanos());
            assertFalse(memory.marking());
        } finally {
            LongCalls.ended(previous);
        }
    }

    /** A long call is 5 ms for a small memory, longer for a large one: its full copy must stay cheap beside the call. */
    @Test
    void howLongIsLongGrowsWithTheMemory() {
        assertEquals(5_000_000L, memory(2).markingStopsAfterNanos());
        assertEquals(10L * 1024 * Memory.PAGE_SIZE, memory(1024).markingStopsAfterNanos(), "64 MiB: 0.67 s");
    }

    @Test
    void afterTheCallNothingIsStopped() {
        FlatMemory memory = memory(2);
        LongCalls.ended(LongCalls.started(memory, 0));
        LongCalls.poll(Long.MAX_VALUE);
        assertTrue(memory.marking());
    }

    /** A guest called again from a host function: the inner call ends, the outer one is watched again. */
    @Test
    void aNestedCallGivesTheOuterOneBack() {
        FlatMemory outer = memory(2);
        FlatMemory inner = memory(2);
        Object none = LongCalls.started(outer, 0);
        Object outerCall = LongCalls.started(inner, System.nanoTime());
        LongCalls.ended(outerCall);
        LongCalls.poll(outer.markingStopsAfterNanos());
        assertFalse(outer.marking());
        assertTrue(inner.marking());
        LongCalls.ended(none);
    }

    /** What compiled guests call every 10,000 loop back-edges asks too. */
    @Test
    void theGuestsPollStopsALongCallsMarks() {
        FlatMemory memory = memory(2);
        Object previous = LongCalls.started(memory, System.nanoTime() - memory.markingStopsAfterNanos());
        try {
            GuestPoll.poll();
            assertFalse(memory.marking());
        } finally {
            LongCalls.ended(previous);
        }
    }

    /** The reset after such a call copies the whole memory back: no write it made survives. */
    @Test
    void aMemoryThatStoppedMarkingIsRestoredInFull() {
        FlatMemory memory = new FlatMemory(new MemoryLimits(2, 2));
        memory.writeI32(100, 7);
        FlatMemory.Snapshot fresh = memory.snapshot();
        byte[] image = memory.readBytes(0, 2 * Memory.PAGE_SIZE);
        memory.writeI32(100, 8);
        memory.stopMarking();
        memory.writeLong(Memory.PAGE_SIZE + 40_000, -1L);
        memory.writeF64(9_000, 1.5);
        assertEquals(1, memory.dirtyPages(), "only the write before the marks stopped is marked");
        assertTrue(memory.restore(fresh));
        assertArrayEquals(image, memory.readBytes(0, 2 * Memory.PAGE_SIZE));
        assertTrue(memory.marking(), "and it marks again");
    }
}
