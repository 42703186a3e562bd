import dev.weft.client.WeftClient;
import dev.weft.example.GreetingApi;
import dev.weft.example.GreetingApiClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the generated client costs over a raw java.net.http call to the same route, under a short
 * load: rounds of a few seconds each, the two kinds alternating on the same HttpClient, so that
 * the server and the machine are the same for both. Prints each round, then the medians of the
 * rounds' ratios: throughput, and the calling threads' CPU time per call (the client's own work,
 * which the server's and the machine's noise affect least).
 *
 *     java -cp example/target/weft-example.jar bench/client/ClientOverhead.java http://127.0.0.1:8080 [threads] [seconds] [rounds]
 */
public final class ClientOverhead {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        GreetingApi client = new GreetingApiClient(WeftClient.builder(base).httpClient(http).build());
        HttpRequest raw = HttpRequest.newBuilder(base.resolve("/hello/Ada")).GET().build();
        Call rawCall = () -> {
            HttpResponse<String> response = http.send(raw, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().equals("Hello, Ada!")) {
                throw new IllegalStateException("raw: " + response.statusCode());
            }
        };
        Call clientCall = () -> {
            if (!client.hello("Ada").equals("Hello, Ada!")) {
                throw new IllegalStateException("client: wrong answer");
            }
        };
        System.out.printf("warm-up: %d threads, %d s each kind%n", threads, seconds);
        run(rawCall, threads, seconds);
        run(clientCall, threads, seconds);
        double[] throughputRatios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        double[] extraCpu = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Result plain = run(rawCall, threads, seconds);
            Result typed = run(clientCall, threads, seconds);
            throughputRatios[round] = typed.perSecond() / plain.perSecond();
            cpuRatios[round] = typed.cpuMicrosPerCall() / plain.cpuMicrosPerCall();
            extraCpu[round] = typed.cpuMicrosPerCall() - plain.cpuMicrosPerCall();
            System.out.printf("round %d: raw %.0f req/s, %.1f µs CPU/call; client %.0f req/s, %.1f µs CPU/call%n", round + 1,
                    plain.perSecond(), plain.cpuMicrosPerCall(), typed.perSecond(), typed.cpuMicrosPerCall());
        }
        System.out.printf("median of rounds: client/raw throughput %.3f, client/raw CPU per call %.3f (%+.1f µs)%n",
                median(throughputRatios), median(cpuRatios), median(extraCpu));
    }

    /** Calls per second, and the calling threads' CPU time per call (the selector thread of HttpClient not included). */
    record Result(double perSecond, double cpuMicrosPerCall) {}

    interface Call {
        void run() throws Exception;
    }

    /** {@code threads} threads calling in a loop for {@code seconds}. */
    private static Result run(Call call, int threads, int seconds) throws Exception {
        LongAdder done = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = Thread.ofPlatform().start(() -> {
                long cpuStart = CPU.getCurrentThreadCpuTime();
                try {
                    while (System.nanoTime() < end) {
                        call.run();
                        done.increment();
                    }
                    cpuNanos.add(CPU.getCurrentThreadCpuTime() - cpuStart);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        long started = System.nanoTime();
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new Result(done.sum() / elapsed, cpuNanos.sum() / 1e3 / done.sum());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
