package dev.weft.runtime.generated;

/** Bytes the host placed in a guest's memory, passed to an export as {@code (pointer, length)}. */
public record GuestBuffer(int pointer, int length) {

    /** No bytes: what an empty argument is passed as, without a call to the allocator. */
    public static final GuestBuffer EMPTY = new GuestBuffer(0, 0);
}
