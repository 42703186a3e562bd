package dev.weft.bench;

import java.util.Locale;

/** Where a request sits in the protocol at one size. */
public enum Phase {
    /** The first request at a size. */
    COLD,
    /** After the cold one, before measuring: lets JIT compilers settle. Recorded, not analysed. */
    WARMUP,
    /** The measured repetitions. */
    TIMED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
