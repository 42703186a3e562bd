package dev.weft.runtime.internal.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FlatMemoryTest {

    private static final int SIZE = Memory.PAGE_SIZE;

    private static FlatMemory memory(int initial, int maximum) {
        return new FlatMemory(new MemoryLimits(initial, maximum));
    }

    private static void assertTraps(Executable access) {
        WasmRuntimeException trap = assertThrows(WasmRuntimeException.class, access);
        assertTrue(trap.getMessage().startsWith("out of bounds memory access"), trap.getMessage());
    }

    @Test
    void readsAndWritesLittleEndianUpToTheLastByte() {
        FlatMemory memory = memory(1, 1);
        memory.writeByte(SIZE - 1, (byte) 7);
        assertEquals(7, memory.read(SIZE - 1));
        memory.writeI32(0, 0x04030201);
        assertEquals(1, memory.read(0));
        assertEquals(4, memory.read(3));
        assertEquals(0x0201, memory.readU16(0));
        memory.writeShort(10, (short) -1);
        assertEquals(0xFFFF, memory.readU16(10));
        assertEquals(-1, memory.readI16(10));
        memory.writeF64(SIZE - 8, 1.5);
        assertEquals(1.5, memory.readDouble(SIZE - 8));
        assertEquals(Double.doubleToRawLongBits(1.5), memory.readF64(SIZE - 8));
        memory.writeF32(SIZE - 4, 2.5f);
        assertEquals(2.5f, memory.readFloat(SIZE - 4));
        memory.writeLong(16, -2L);
        assertEquals(-2L, memory.readLong(16));
        assertEquals(0xFFFFFFFEL, memory.readU32(16));
    }

    @Test
    void oneByteOrOneAccessPastTheEndTraps() {
        FlatMemory memory = memory(1, 1);
        assertTraps(() -> memory.read(SIZE));
        assertTraps(() -> memory.writeByte(SIZE, (byte) 1));
        assertTraps(() -> memory.readInt(SIZE));
        assertTraps(() -> memory.readBytes(SIZE, 1));
        assertEquals(0, memory.readBytes(SIZE, 0).length); // empty at the end is in bounds
        assertTraps(() -> memory.readBytes(SIZE + 1, 0));
    }

    @Test
    void multiByteAccessesStraddlingTheEndTrapAndWriteNothing() {
        FlatMemory memory = memory(1, 1);
        assertTraps(() -> memory.readDouble(SIZE - 7));
        assertTraps(() -> memory.readLong(SIZE - 1));
        assertTraps(() -> memory.readInt(SIZE - 3));
        assertTraps(() -> memory.readShort(SIZE - 1));
        assertTraps(() -> memory.writeLong(SIZE - 4, -1L));
        assertTraps(() -> memory.writeF64(SIZE - 1, 1.0));
        assertTraps(() -> memory.writeI32(SIZE - 2, -1));
        assertTraps(() -> memory.writeShort(SIZE - 1, (short) -1));
        assertTraps(() -> memory.write(SIZE - 1, new byte[2]));
        assertTraps(() -> memory.fill((byte) 1, SIZE - 1, SIZE + 1));
        assertTraps(() -> memory.copy(SIZE - 1, 0, 2));
        assertTraps(() -> memory.copy(0, SIZE - 1, 2));
        assertArrayEquals(new byte[8], memory.readBytes(SIZE - 8, 8));
    }

    @Test
    void negativeAndWrappedAroundAddressesTrap() {
        FlatMemory memory = memory(1, 1);
        // wasm addresses are unsigned: a negative int is an address above 2 GiB.
        for (int address : new int[] {-1, -8, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 3}) {
            assertTraps(() -> memory.read(address));
            assertTraps(() -> memory.readInt(address));
            assertTraps(() -> memory.readDouble(address));
            assertTraps(() -> memory.writeByte(address, (byte) 1));
            assertTraps(() -> memory.writeLong(address, 1L));
            assertTraps(() -> memory.writeF32(address, 1f));
            assertTraps(() -> memory.readBytes(address, 1));
            assertTraps(() -> memory.write(address, new byte[1]));
        }
        // A size that wraps the end around to a small address.
        assertTraps(() -> memory.write(8, new byte[16], 0, -8));
        assertTraps(() -> memory.readBytes(8, Integer.MAX_VALUE));
        assertTraps(() -> memory.fill((byte) 1, 8, Integer.MIN_VALUE)); // end overflowed: negative size
        assertTraps(() -> memory.copy(8, 16, Integer.MAX_VALUE));
    }

    @Test
    void growsUpToTheMaximumWithZeroedReachablePages() {
        FlatMemory memory = memory(1, 3);
        memory.writeByte(5, (byte) 9);
        assertEquals(1, memory.grow(1));
        assertEquals(2, memory.pages());
        assertEquals(9, memory.read(5));
        assertArrayEquals(new byte[SIZE], memory.readBytes(SIZE, SIZE));
        memory.writeLong(2 * SIZE - 8, 42L);
        assertEquals(42L, memory.readLong(2 * SIZE - 8));
        assertTraps(() -> memory.read(2 * SIZE));
        assertEquals(-1, memory.grow(2)); // 4 > 3
        assertEquals(-1, memory.grow(-1));
        assertEquals(2, memory.pages());
        assertEquals(2, memory.grow(1));
        assertEquals(3, memory.grow(0));
        assertEquals(-1, memory.grow(1));
        assertEquals(3 * SIZE - 1, memory.readBytes(0, 3 * SIZE).length - 1);
    }

    @Test
    void fillsCopiesAndZeroes() {
        FlatMemory memory = memory(1, 1);
        memory.write(0, "abcdef".getBytes(StandardCharsets.UTF_8));
        memory.copy(2, 0, 4); // overlapping, forward
        assertEquals("ababcd", memory.readString(0, 6));
        memory.copy(0, 2, 4); // overlapping, backward
        assertEquals("abcdcd", memory.readString(0, 6));
        memory.fill((byte) 'z', 1, 3);
        assertEquals("azzdcd", memory.readString(0, 6));
        memory.zero();
        assertArrayEquals(new byte[6], memory.readBytes(0, 6));
    }

    /**
     * A module with one memory (1 page, at most 2), an active data segment "abc" at 100 and a
     * passive one "xy", assembled by hand.
     */
    private static final byte[] MODULE_WITH_DATA = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x05, 0x04, 0x01, 0x01, 0x01, 0x02, // memory: min 1, max 2
        0x0c, 0x01, 0x02, // data count: 2
        0x0b, 0x0e, 0x02, // data: 2 segments
        0x00, 0x41, (byte) 0xe4, 0x00, 0x0b, 0x03, 0x61, 0x62, 0x63, // active, i32.const 100, "abc"
        0x01, 0x02, 0x78, 0x79, // passive "xy"
    };

    @Test
    void initializesActiveDataSegmentsAndPassiveOnesOnDemand() {
        Instance instance = Instance.builder(Parser.parse(MODULE_WITH_DATA))
                .withMemoryFactory(FlatMemory::new)
                .build();
        FlatMemory memory = (FlatMemory) instance.memory();
        assertEquals("abc", memory.readString(100, 3));
        assertEquals(0, memory.read(99));
        assertEquals(0, memory.read(103));
        assertEquals(2, memory.maximumPages());
        memory.initPassiveSegment(1, 200, 0, 2);
        assertEquals("xy", memory.readString(200, 2));
        assertTraps(() -> memory.initPassiveSegment(1, 200, 1, 2)); // past the segment's end
        assertTraps(() -> memory.initPassiveSegment(1, SIZE - 1, 0, 2)); // past the memory's end
        memory.drop(1);
        assertTraps(() -> memory.initPassiveSegment(1, 200, 0, 1));
        memory.initPassiveSegment(1, 200, 0, 0); // empty is fine after a drop
    }

    @Test
    void restoresOnlyTheWrittenPagesToTheSnapshot() {
        FlatMemory memory = memory(2, 3);
        memory.write(100, "fresh".getBytes(StandardCharsets.UTF_8));
        memory.writeLong(SIZE + 8, 77L);
        FlatMemory.Snapshot snapshot = memory.snapshot();
        byte[] fresh = memory.readBytes(0, 2 * SIZE);
        assertEquals(0, memory.dirtyPages());
        assertEquals(2, snapshot.keptPages(), "only the two 4 KiB pages that are not all zeros are copied");

        memory.writeByte(101, (byte) 'X');
        memory.writeI32(5 * FlatMemory.DIRTY_PAGE + 12, -1);
        memory.writeF64(3 * FlatMemory.DIRTY_PAGE - 4, 3.25); // straddles two 4 KiB pages
        memory.writeLong(2 * SIZE - 8, -1L); // the last bytes
        memory.writeShort(SIZE + 8, (short) 3);
        memory.fill((byte) 1, 20 * FlatMemory.DIRTY_PAGE - 1, 22 * FlatMemory.DIRTY_PAGE + 1);
        memory.copy(30 * FlatMemory.DIRTY_PAGE, 0, 200);
        memory.write(SIZE - 2, new byte[] {1, 2, 3, 4}); // across the 64 KiB boundary
        assertTrue(memory.dirtyPages() > 0);

        assertTrue(memory.restore(snapshot));
        assertArrayEquals(fresh, memory.readBytes(0, 2 * SIZE));
        assertEquals(0, memory.dirtyPages());

        // Restoring another memory that started the same way, from this one's snapshot.
        FlatMemory other = memory(2, 3);
        other.write(100, "fresh".getBytes(StandardCharsets.UTF_8));
        other.writeLong(SIZE + 8, 77L);
        other.writeF64(7, 1.0);
        assertTrue(other.restore(snapshot));
        assertArrayEquals(fresh, other.readBytes(0, 2 * SIZE));
    }

    /** The marks are searched a chunk at a time: marks on both sides of every chunk edge are found. */
    @Test
    void findsEveryMarkedPageAcrossTheSearchsChunks() {
        boolean[] marks = new boolean[3 * 4096 + 5];
        assertEquals(marks.length, FlatMemory.nextMarked(marks, 0), "none");
        int[] marked = {0, 4095, 4096, 4097, 8191, 12288, marks.length - 1};
        for (int page : marked) {
            marks[page] = true;
        }
        List<Integer> found = new ArrayList<>();
        for (int page = FlatMemory.nextMarked(marks, 0); page < marks.length; page = FlatMemory.nextMarked(marks, page + 1)) {
            found.add(page);
        }
        assertEquals(Arrays.stream(marked).boxed().toList(), found);
        assertEquals(marks.length, FlatMemory.nextMarked(marks, marks.length));
    }

    /** A memory whose marks span several chunks (300 pages: 4,800 marks) restores pages in each. */
    @Test
    void restoresTheWrittenPagesOfALargeMemory() {
        FlatMemory memory = memory(300, 300);
        memory.writeLong(17, 5L);
        FlatMemory.Snapshot snapshot = memory.snapshot();
        byte[] fresh = memory.readBytes(0, 300 * SIZE);

        memory.writeByte(0, (byte) 9);
        memory.writeI32(4096 * FlatMemory.DIRTY_PAGE - 2, -1); // across the first chunk's last page
        memory.writeLong(4500 * FlatMemory.DIRTY_PAGE + 8, -1L);
        memory.writeLong(300 * SIZE - 8, -1L);
        assertEquals(4, memory.dirtyPages());

        assertTrue(memory.restore(snapshot));
        assertArrayEquals(fresh, memory.readBytes(0, 300 * SIZE));
        assertEquals(0, memory.dirtyPages());
    }

    /**
     * A memory that grew goes back to its size and bytes at the snapshot: the pages written before
     * it grew are copied back by their marks, what was written after it grew is dropped with the
     * grown array, and it marks again.
     */
    @Test
    void aGrownMemoryGoesBackToTheSizeAndBytesOfItsSnapshot() {
        FlatMemory memory = memory(2, 4);
        memory.write(100, "fresh".getBytes(StandardCharsets.UTF_8));
        FlatMemory.Snapshot snapshot = memory.snapshot();
        byte[] fresh = memory.readBytes(0, 2 * SIZE);

        memory.writeByte(0, (byte) 1);
        memory.writeLong(SIZE + 8, -1L);
        assertEquals(2, memory.grow(1));
        assertEquals(3, memory.grow(1));
        memory.writeI32(102, 7);
        memory.writeByte(3 * SIZE + 1, (byte) 9);
        assertEquals(4, memory.pages());

        assertTrue(memory.restore(snapshot));
        assertEquals(2, memory.pages());
        assertArrayEquals(fresh, memory.readBytes(0, 2 * SIZE));
        assertEquals(0, memory.dirtyPages());
        assertTrue(memory.marking());
        assertThrows(WasmRuntimeException.class, () -> memory.read(2 * SIZE), "the grown pages are gone");

        assertEquals(2, memory.grow(1), "and grow again from the fresh size");
        assertEquals(0, memory.read(3 * SIZE - 1), "into zeros");
        memory.writeByte(5, (byte) 3);
        assertTrue(memory.restore(snapshot));
        assertArrayEquals(fresh, memory.readBytes(0, 2 * SIZE));
    }

    /**
     * A memory grown the same way again grows into the arrays of the first time, and a reused
     * array holds nothing of that time: the memory's bytes, then zeros.
     */
    @Test
    void growsAgainIntoTheArraysItGrewThroughWithNothingOfTheirPastInThem() {
        FlatMemory memory = memory(1, 4);
        memory.writeByte(10, (byte) 5);
        FlatMemory.Snapshot snapshot = memory.snapshot();
        assertEquals(1, memory.grow(1));
        assertEquals(2, memory.grow(2));
        memory.fill((byte) 9, SIZE, 4 * SIZE - 1);
        assertTrue(memory.restore(snapshot));
        assertEquals(2, memory.spareArrays(), "the two-page and the four-page array");

        memory.writeByte(11, (byte) 6);
        assertEquals(1, memory.grow(1));
        assertEquals(2, memory.grow(2));
        assertEquals(1, memory.spareArrays(), "both taken again, the two-page one left again for the four-page one");
        assertEquals(5, memory.read(10));
        assertEquals(6, memory.read(11));
        byte[] grown = memory.readBytes(SIZE, 3 * SIZE);
        assertArrayEquals(new byte[3 * SIZE], grown, "the grown pages are zeros, as in a new array");
        assertTrue(memory.restore(snapshot));
        assertEquals(0, memory.read(11));
        assertEquals(2, memory.spareArrays());
    }

    /** Spares stop at {@link FlatMemory#SPARE_LIMIT}: a larger growth allocates each time, as before. */
    @Test
    void keepsNoSpareArraysBeyondTheLimit() {
        int pages = FlatMemory.SPARE_LIMIT / SIZE;
        FlatMemory memory = memory(1, pages + 1);
        FlatMemory.Snapshot snapshot = memory.snapshot();
        assertEquals(1, memory.grow(pages));
        assertTrue(memory.restore(snapshot));
        assertEquals(0, memory.spareArrays());
        assertEquals(1, memory.pages());
    }

    /** A memory that stopped marking before it grew (a long call) goes back with a full copy. */
    @Test
    void aGrownMemoryThatHadStoppedMarkingGoesBackInFull() {
        FlatMemory memory = memory(1, 2);
        FlatMemory.Snapshot snapshot = memory.snapshot();
        memory.stopMarking();
        memory.writeByte(10, (byte) 1);
        assertEquals(0, memory.dirtyPages());
        assertEquals(1, memory.grow(1));
        assertTrue(memory.restore(snapshot));
        assertEquals(1, memory.pages());
        assertEquals(0, memory.read(10), "not marked, copied back all the same");
        assertTrue(memory.marking());
    }

    /** A stateful module's memory keeps its growth: the array before it is let go, and no restore goes back to it. */
    @Test
    void aMemoryThatKeepsItsGrowthCannotGoBack() {
        FlatMemory memory = memory(1, 2);
        FlatMemory.Snapshot snapshot = memory.snapshot();
        assertEquals(1, memory.grow(1));
        memory.writeByte(0, (byte) 1);
        memory.keepGrowth();
        assertEquals(0, memory.spareArrays());
        assertFalse(memory.restore(snapshot));
        assertEquals(2, memory.pages());
        assertEquals(1, memory.read(0));
    }

    @Test
    void refusesASnapshotOfAnotherSizeChangingNothing() {
        FlatMemory memory = memory(1, 3);
        FlatMemory.Snapshot snapshot = memory(3, 3).snapshot();
        memory.writeByte(0, (byte) 1);
        assertEquals(1, memory.grow(1));
        assertFalse(memory.restore(snapshot));
        assertEquals(2, memory.pages());
        assertEquals(1, memory.read(0)); // untouched
    }

    /**
     * A grown memory stops marking its pages; restored all the same to a snapshot of its new size
     * (which a runtime that snapshots grown memories could ask for), it is copied in full, and then
     * marks again.
     */
    @Test
    void aGrownMemoryStopsMarkingAndIsRestoredInFullToASnapshotOfItsSize() {
        FlatMemory grownTheSameWay = memory(1, 3);
        assertEquals(1, grownTheSameWay.grow(1));
        grownTheSameWay.write(70_000, "fresh".getBytes(StandardCharsets.UTF_8));
        FlatMemory.Snapshot twoPages = grownTheSameWay.snapshot();
        byte[] fresh = grownTheSameWay.readBytes(0, 2 * SIZE);

        FlatMemory memory = memory(1, 3);
        assertTrue(memory.marking());
        memory.writeByte(3, (byte) 1);
        assertEquals(1, memory.grow(1));
        assertFalse(memory.marking(), "a grown memory cannot be restored in place: its writes are not marked");
        memory.writeLong(2 * SIZE - 8, -1L);
        memory.writeF64(SIZE + 5, 2.5);
        memory.fill((byte) 7, 100, 9000);
        assertEquals(0, memory.dirtyPages(), "the grown array is not marked (the write before growing is, on the array it had then)");

        assertTrue(memory.restore(twoPages));
        assertArrayEquals(fresh, memory.readBytes(0, 2 * SIZE), "every byte, marked or not, is the snapshot's");
        assertEquals(0, memory.dirtyPages());
        assertTrue(memory.marking());
        memory.writeByte(SIZE + 1, (byte) 4);
        assertEquals(1, memory.dirtyPages());
        assertTrue(memory.restore(twoPages));
        assertArrayEquals(fresh, memory.readBytes(0, 2 * SIZE));
    }

    /** A snapshot taken after growing (of the memory's new size) marks from then on. */
    @Test
    void aSnapshotStartsMarkingAgain() {
        FlatMemory memory = memory(1, 2);
        assertEquals(1, memory.grow(1));
        assertFalse(memory.marking());
        FlatMemory.Snapshot snapshot = memory.snapshot();
        assertTrue(memory.marking());
        memory.writeI32(SIZE + 40, 9);
        assertEquals(1, memory.dirtyPages());
        assertTrue(memory.restore(snapshot));
        assertEquals(0, memory.readInt(SIZE + 40));
    }

    @Test
    void refusesSharedMemories() {
        assertThrows(IllegalArgumentException.class, () -> new FlatMemory(new MemoryLimits(1, 1, true)));
    }
}
