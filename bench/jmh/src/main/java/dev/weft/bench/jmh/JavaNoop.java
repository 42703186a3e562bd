package dev.weft.bench.jmh;

import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The Java baseline: {@link NoopApi} implemented in Java, returning the guests' constant. Kept out
 * of line, so that the baseline is a real interface call rather than a constant the JIT folds
 * into the benchmark method.
 */
final class JavaNoop implements NoopApi {

    @Override
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int small() {
        return 42;
    }

    @Override
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int large() {
        return 42;
    }
}
