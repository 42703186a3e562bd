package dev.weft.runtime.data;

/** A database statement or transaction failed; the cause is the driver's exception. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }
}
