package dev.weft.runtime.generated;

/** What a request does with the guest instance lent to it: calls, and moving values in and out. */
@FunctionalInterface
public interface GuestWork<T> {

    T apply(Guest guest) throws Exception;
}
