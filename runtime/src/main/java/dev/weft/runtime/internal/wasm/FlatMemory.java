package dev.weft.runtime.internal.wasm;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A wasm linear memory in one flat little-endian {@code byte[]}, read and written through
 * {@link MethodHandles#byteArrayViewVarHandle byte-array view VarHandles}.
 *
 * <p>Why: Chicory's {@code ByteArrayMemory} keeps 64 KiB pages in a {@code byte[][]}, so every
 * access loads a page, masks the offset and checks the page boundary; on the benchmark's matrix
 * multiplication that made compiled guests about 4.6x slower than the same loop over a flat array.
 * A VarHandle access to one array is a single bounds-checked load or store, which C2 compiles to
 * what plain Java over a {@code double[]} gets.
 *
 * <p>Every access stays bounds-checked: the VarHandle checks the whole access (a multi-byte
 * access straddling the end fails), negative addresses (wasm's unsigned addresses above 2 GiB, and
 * what Chicory's {@code getAddr} passes on for a negative base) fail, and a failure becomes
 * Chicory's trap, {@code WasmRuntimeException("out of bounds memory access ...")}, as
 * {@code ByteArrayMemory} reports it.
 *
 * <p>Cheap reset: every write marks its 4 KiB page dirty, so that {@link #restore} copies back
 * only the pages written since the last {@link #snapshot} or restore instead of the whole image.
 * A multi-byte write (at most 8 bytes) can spill into the next page without marking it; restore
 * therefore also copies the first 7 bytes after each dirty page.
 *
 * <p>Not for shared memories (wasm threads): {@link #grow} replaces the array, which a concurrent
 * thread could miss; the constructor refuses {@code shared} limits.
 */
public final class FlatMemory implements Memory {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    /** Dirty-tracking granularity: 4 KiB. */
    static final int DIRTY_SHIFT = 12;

    static final int DIRTY_PAGE = 1 << DIRTY_SHIFT;

    /** The widest single access (i64/f64): a write spills at most this minus one byte into the next page. */
    private static final int WIDEST = 8;

    private final MemoryLimits limits;
    private DataSegment[] dataSegments;
    private byte[] bytes;
    /** One byte per 4 KiB page: non-zero when written since the last snapshot or restore. */
    private byte[] dirty;

    public FlatMemory(MemoryLimits limits) {
        if (limits.shared()) {
            throw new IllegalArgumentException("FlatMemory does not support shared memories");
        }
        this.limits = limits;
        this.bytes = new byte[Memory.bytes(limits.initialPages())];
        this.dirty = new byte[bytes.length >>> DIRTY_SHIFT];
    }

    // ---- size ----

    @Override
    public int pages() {
        return bytes.length / PAGE_SIZE;
    }

    @Override
    public int grow(int size) {
        int previous = pages();
        long wanted = (long) previous + size;
        if (size < 0 || wanted > maximumPages()) {
            return -1;
        }
        if (size > 0) {
            bytes = Arrays.copyOf(bytes, Memory.bytes((int) wanted));
            dirty = Arrays.copyOf(dirty, bytes.length >>> DIRTY_SHIFT);
        }
        return previous;
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES);
    }

    @Override
    public boolean shared() {
        return false;
    }

    // ---- snapshot and restore ----

    /** The bytes of a memory at one moment, to {@link #restore} a memory of the same size to. */
    public static final class Snapshot {
        private final byte[] image;

        private Snapshot(byte[] image) {
            this.image = image;
        }

        public int pages() {
            return image.length / PAGE_SIZE;
        }
    }

    /** A copy of the whole memory; clears the dirty marks, so that {@link #restore} copies what changes from now on. */
    public Snapshot snapshot() {
        Arrays.fill(dirty, (byte) 0);
        return new Snapshot(bytes.clone());
    }

    /**
     * Puts back the bytes of every page written since the last snapshot or restore, taken from
     * {@code snapshot} (of this memory or of another memory that started the same way), and
     * clears the marks. False, changing nothing, when the memory's size differs from the
     * snapshot's (it grew: wasm memory cannot shrink, so it cannot be restored in place).
     */
    public boolean restore(Snapshot snapshot) {
        byte[] image = snapshot.image;
        if (image.length != bytes.length) {
            return false;
        }
        byte[] marks = dirty;
        for (int page = 0; page < marks.length; page++) {
            if (marks[page] != 0) {
                int start = page << DIRTY_SHIFT;
                int end = Math.min(start + DIRTY_PAGE + WIDEST - 1, image.length);
                System.arraycopy(image, start, bytes, start, end - start);
                marks[page] = 0;
            }
        }
        return true;
    }

    /** How many 4 KiB pages are marked dirty now (for tests and diagnostics). */
    public int dirtyPages() {
        int count = 0;
        for (byte mark : dirty) {
            count += mark != 0 ? 1 : 0;
        }
        return count;
    }

    private void markRange(int addr, int size) {
        if (size > 0) {
            Arrays.fill(dirty, addr >>> DIRTY_SHIFT, ((addr + size - 1) >>> DIRTY_SHIFT) + 1, (byte) 1);
        }
    }

    // ---- initialization and bulk operations ----

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        initialize(instance, dataSegments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        this.dataSegments = dataSegments;
        if (dataSegments == null) {
            return;
        }
        for (DataSegment s : dataSegments) {
            if (s instanceof ActiveDataSegment segment) {
                if (segment.index() != memoryIndex) {
                    continue;
                }
                byte[] data = segment.data();
                int offset = (int) ConstantEvaluators.computeConstantValue(instance, segment.offsetInstructions())[0];
                if (!inBounds(offset, data.length, bytes.length)) {
                    throw new UninstantiableException(outOfBoundsMessage(offset, data.length));
                }
                write(offset, data, 0, data.length);
            } else if (!(s instanceof PassiveDataSegment)) {
                throw new ChicoryException("Data segment should be active or passive: " + s);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        write(dest, dataSegments[segmentId].data(), offset, size);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        if (!inBounds(offset, size, data.length)) {
            throw outOfBounds(offset, size);
        }
        checkBounds(addr, size);
        System.arraycopy(data, offset, bytes, addr, size);
        markRange(addr, size);
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        checkBounds(addr, len);
        return Arrays.copyOfRange(bytes, addr, addr + len);
    }

    @Override
    public void zero() {
        fill((byte) 0, 0, bytes.length);
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        int size = toIndex - fromIndex;
        checkBounds(fromIndex, size);
        Arrays.fill(bytes, fromIndex, toIndex, value);
        markRange(fromIndex, size);
    }

    @Override
    public void copy(int dest, int src, int size) {
        checkBounds(dest, size);
        checkBounds(src, size);
        System.arraycopy(bytes, src, bytes, dest, size); // handles overlap like memmove
        markRange(dest, size);
    }

    private static boolean inBounds(int addr, int size, int limit) {
        return addr >= 0 && size >= 0 && (long) addr + size <= limit;
    }

    private void checkBounds(int addr, int size) {
        if (!inBounds(addr, size, bytes.length)) {
            throw outOfBounds(addr, size);
        }
    }

    private WasmRuntimeException outOfBounds(int addr, int size) {
        return new WasmRuntimeException(outOfBoundsMessage(addr, size));
    }

    private String outOfBoundsMessage(int addr, int size) {
        return "out of bounds memory access: attempted to access address: " + addr + " but limit is: "
                + bytes.length + " and size: " + size;
    }

    // ---- single accesses: the VarHandle (or the array) checks the bounds of the whole access ----

    @Override
    public byte read(int addr) {
        try {
            return bytes[addr];
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public void writeByte(int addr, byte data) {
        try {
            bytes[addr] = data;
            dirty[addr >>> DIRTY_SHIFT] = 1;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public short readShort(int addr) {
        try {
            return (short) SHORT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 2);
        }
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public void writeShort(int addr, short data) {
        try {
            SHORT.set(bytes, addr, data);
            dirty[addr >>> DIRTY_SHIFT] = 1;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 2);
        }
    }

    @Override
    public int readInt(int addr) {
        try {
            return (int) INT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public void writeI32(int addr, int data) {
        try {
            INT.set(bytes, addr, data);
            dirty[addr >>> DIRTY_SHIFT] = 1;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public long readLong(int addr) {
        try {
            return (long) LONG.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public void writeLong(int addr, long data) {
        try {
            LONG.set(bytes, addr, data);
            dirty[addr >>> DIRTY_SHIFT] = 1;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public float readFloat(int addr) {
        try {
            return (float) FLOAT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public void writeF32(int addr, float data) {
        try {
            FLOAT.set(bytes, addr, data);
            dirty[addr >>> DIRTY_SHIFT] = 1;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public double readDouble(int addr) {
        try {
            return (double) DOUBLE.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    @Override
    public void writeF64(int addr, double data) {
        try {
            DOUBLE.set(bytes, addr, data);
            dirty[addr >>> DIRTY_SHIFT] = 1;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    // ---- atomics: one thread per memory (not shared), so a monitor on the memory suffices ----

    @Override
    @SuppressWarnings("removal")
    public Object lock(int address) {
        return this;
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        checkBounds(address, 4);
        return 0;
    }

    @Override
    public void atomicFence() {
        VarHandle.fullFence();
    }
}
