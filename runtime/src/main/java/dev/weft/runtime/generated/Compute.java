package dev.weft.runtime.generated;

import dev.weft.runtime.internal.compute.ComputeThreads;
import java.util.concurrent.Callable;

/**
 * Runs the interface call of a {@code @Compute} route on the server's compute threads (platform
 * threads, bounded), and waits for it. For generated code.
 *
 * <pre>{@code
 * return Response.ofJson(RESULT_JSON, Compute.run(() -> api.matmul(n, seed)));
 * }</pre>
 */
public final class Compute {

    private Compute() {}

    /**
     * The work's result, computed on a compute thread; its exceptions as it threw them.
     *
     * @throws dev.weft.runtime.http.HttpException 503 when no compute thread comes free in time
     */
    public static <T> T run(Callable<T> work) throws Exception {
        return ComputeThreads.run(work);
    }
}
