package dev.weft.runtime.wasm;

/** Bytes the host placed in a guest's memory, passed to an export as {@code (pointer, length)}. */
public record GuestBuffer(int pointer, int length) {

    static final GuestBuffer EMPTY = new GuestBuffer(0, 0);
}
