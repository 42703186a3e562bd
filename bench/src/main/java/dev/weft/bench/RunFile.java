package dev.weft.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * run.properties: what a results directory's CSV files do not hold, so that {@code
 * --report-only} can render the report again: the command and options, when and how long it
 * ran, the machine, the other work on it, and why a load test failed.
 *
 * @param command the command line as the report shows it
 * @param options the harness arguments that reproduce the run's settings (the command's, after
 *     bench/run.sh)
 * @param loadFailures why a system's load test did not run, by system id
 */
public record RunFile(
        String command,
        String options,
        LocalDateTime started,
        Duration elapsed,
        Machine machine,
        CpuShare.Share otherCpu,
        boolean peakRssPerSize,
        Map<String, String> loadFailures) {

    public static final String NAME = "run.properties";

    public static void write(RunResults run, Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("command", run.command());
        p.setProperty("options", run.command().replaceFirst("^bench/run\\.sh\\s*", ""));
        p.setProperty("started", run.started().toString());
        p.setProperty("elapsed_ms", Long.toString(run.elapsed().toMillis()));
        Machine m = run.machine();
        p.setProperty("machine.cpu", m.cpu());
        p.setProperty("machine.cores", Integer.toString(m.cores()));
        p.setProperty("machine.memory_kb", Long.toString(m.memoryKb()));
        p.setProperty("machine.kernel", m.kernel());
        p.setProperty("machine.os", m.os());
        p.setProperty("machine.harness_jdk", m.harnessJdk());
        p.setProperty("machine.wrk", m.wrk());
        p.setProperty("other_cpu_percent", Double.toString(run.otherCpu().others()));
        p.setProperty("steal_percent", Double.toString(run.otherCpu().steal()));
        p.setProperty("peak_rss_per_size", Boolean.toString(run.peakRssPerSize()));
        for (SystemResult system : run.systems()) {
            system.loadFailure().ifPresent(reason -> p.setProperty("load_failure." + system.id(), reason));
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(NAME))) {
            p.store(out, "What the CSV files beside this one do not hold (bench/README.md, Outputs)");
        }
    }

    public static RunFile read(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(NAME))) {
            p.load(in);
        }
        Map<String, String> loadFailures = new HashMap<>();
        p.stringPropertyNames().stream()
                .filter(key -> key.startsWith("load_failure."))
                .forEach(key -> loadFailures.put(key.substring("load_failure.".length()), p.getProperty(key)));
        return new RunFile(
                required(p, "command"),
                required(p, "options"),
                LocalDateTime.parse(required(p, "started")),
                Duration.ofMillis(Long.parseLong(required(p, "elapsed_ms"))),
                new Machine(
                        required(p, "machine.cpu"),
                        Integer.parseInt(required(p, "machine.cores")),
                        Long.parseLong(required(p, "machine.memory_kb")),
                        required(p, "machine.kernel"),
                        required(p, "machine.os"),
                        required(p, "machine.harness_jdk"),
                        required(p, "machine.wrk")),
                new CpuShare.Share(
                        Double.parseDouble(required(p, "other_cpu_percent")),
                        Double.parseDouble(required(p, "steal_percent"))),
                Boolean.parseBoolean(required(p, "peak_rss_per_size")),
                loadFailures);
    }

    private static String required(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException(NAME + " has no " + key);
        }
        return value;
    }
}
