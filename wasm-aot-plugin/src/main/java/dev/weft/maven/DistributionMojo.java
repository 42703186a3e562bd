package dev.weft.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A small-device distribution of a runnable jar: a Java runtime trimmed to the modules the
 * application needs ({@code jlink}), the jar, a JDK 25 AOT cache made by a training run that serves
 * real requests, and a launcher script with the JVM options chosen for the device.
 *
 * <pre>
 * dist/
 *   bin/&lt;launcherName&gt;        exec's runtime/bin/java with the AOT cache and jvmOptions
 *   runtime/                   the jlinked Java runtime
 *   lib/&lt;jar&gt;                   the application
 *   lib/&lt;launcherName&gt;.aot     the AOT cache (absent with weft.distribution.skipTraining)
 *   lib/native/                the jar's native libraries for the runtime's platform ({@code nativeLibraries})
 * </pre>
 *
 * <p>The training run starts the jar on the linked runtime with the launcher's own options plus
 * {@code -XX:AOTCacheOutput} (on JDK 25 without call adapters: {@link #recordingOptions}), on a
 * free localhost port given as {@code -Dserver.port} and
 * {@code -Dserver.host}, sends every {@code trainingRequests} entry {@code trainingRounds} times, and
 * stops the server with SIGTERM; the JVM then writes the cache. It runs in a folder of its own,
 * {@code target/<launcherName>-training}, emptied first, where the application is started once
 * before (and stopped): what a first start creates there (a database and its migrations) then
 * exists, as it does at every start but the very first, so the cache holds what those starts run.
 * A training request answered with a
 * 5xx status fails the build. Work already done is kept: the runtime is linked again only when its
 * modules, options or JDK change, and the training runs again only when the jar or the options do.
 */
@Mojo(name = "distribution", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class DistributionMojo extends AbstractMojo {

    /** The runnable jar to distribute (a fat jar with a Main-Class). */
    @Parameter(property = "weft.distribution.jar", defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
    File jar;

    @Parameter(property = "weft.distribution.outputDirectory", defaultValue = "${project.build.directory}/dist")
    File outputDirectory;

    /** The launcher's name under {@code bin/}, and the AOT cache's. */
    @Parameter(defaultValue = "${project.artifactId}")
    String launcherName;

    /** The JDK whose jlink, jdeps and modules are used; its major version must be 25 or more for the AOT cache. */
    @Parameter(property = "weft.distribution.jdk", defaultValue = "${java.home}")
    File jdk;

    /**
     * The Java modules of the runtime. Empty: what {@code jdeps --print-module-deps} finds in the
     * jar (slow on a large jar: about 15 s), plus {@code addModules}.
     */
    @Parameter
    List<String> modules = new ArrayList<>();

    /** Modules added to those of {@code modules} or of jdeps: what the application only reaches by reflection. */
    @Parameter
    List<String> addModules = new ArrayList<>();

    @Parameter
    List<String> jlinkOptions = new ArrayList<>(List.of("--strip-debug", "--no-header-files", "--no-man-pages",
            "--compress=zip-6"));

    /**
     * Strips the symbol table of the runtime's native libraries with this {@code strip} program
     * (about 5 MB of libjvm.so; only hs_err crash reports read it). Empty: keep them.
     */
    @Parameter(property = "weft.distribution.strip", defaultValue = "strip")
    String strip;

    /**
     * Native libraries that the jar carries for many platforms: the jar's folder of them, a space,
     * and the library of the runtime's platform inside it with {@code {arch}} for its architecture
     * (the JDK's {@code OS_ARCH}: x86_64, aarch64), and optionally a system property that tells
     * the library's loader that folder, e.g.
     * {@code org/sqlite/native Linux/{arch}/libsqlitejdbc.so org.sqlite.lib.path}. The
     * distribution's copy of the jar leaves the folder out, the platform's library goes to
     * {@code lib/native}, and the launcher puts that folder on {@code java.library.path} and in the
     * property: the library is loaded where it lies instead of being copied to a temporary file at
     * every start, and its loader need not search for it.
     */
    @Parameter
    List<String> nativeLibraries = new ArrayList<>();

    /** The launcher's JVM options, also used by the training run (an AOT cache must be used with the options it was made with). */
    @Parameter
    List<String> jvmOptions = new ArrayList<>();

    /**
     * Requests of the training run, in order: {@code /path} (a GET) or {@code METHOD /path
     * [content-type body]}, e.g. {@code POST /echo text/plain hello}.
     */
    @Parameter
    List<String> trainingRequests = new ArrayList<>(List.of("/"));

    /** How many times the whole list is sent. */
    @Parameter(property = "weft.distribution.trainingRounds", defaultValue = "5")
    int trainingRounds;

    /** JVM options of the training run only, after the launcher's (system properties the training needs). */
    @Parameter
    List<String> trainingJvmOptions = new ArrayList<>();

    /** How long the trained server may take to start, and to write its cache after SIGTERM. */
    @Parameter(defaultValue = "180")
    int trainingTimeoutSeconds;

    @Parameter(property = "weft.distribution.skip", defaultValue = "false")
    boolean skip;

    /** Builds the distribution without an AOT cache (no training run). */
    @Parameter(property = "weft.distribution.skipTraining", defaultValue = "false")
    boolean skipTraining;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    /** The jar's native libraries for the runtime's platform, read from {@code nativeLibraries} by {@link #build}. */
    private NativeLibraries natives;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the distribution (weft.distribution.skip)");
            return;
        }
        RequiredJava.check();
        try {
            build();
        } catch (IOException e) {
            throw new MojoExecutionException("Building the distribution failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while building the distribution", e);
        }
    }

    private void build() throws IOException, InterruptedException, MojoFailureException {
        if (!jar.isFile()) {
            throw new MojoFailureException("no jar to distribute at " + jar + "; set <jar>");
        }
        Path dist = outputDirectory.toPath();
        Path runtime = dist.resolve("runtime");
        Path lib = dist.resolve("lib");
        Path appJar = lib.resolve(jar.getName());
        Path cache = lib.resolve(launcherName + ".aot");
        Path launcher = dist.resolve("bin").resolve(launcherName);
        int feature = jdkFeatureVersion();

        long started = System.nanoTime();
        List<String> linked = moduleList(feature);
        String runtimeKey = String.join("\n", "jdk=" + jdk.getCanonicalPath() + " " + feature, "modules=" + linked,
                "options=" + jlinkOptions, "strip=" + strip);
        Path runtimeStamp = dist.resolve(".runtime-stamp");
        if (Files.isDirectory(runtime) && runtimeKey.equals(read(runtimeStamp))) {
            getLog().info("Java runtime up to date: " + linked);
        } else {
            FileTrees.delete(runtime);
            Files.deleteIfExists(cache);
            List<String> command = new ArrayList<>(List.of(tool("jlink"), "--add-modules", String.join(",", linked),
                    "--output", runtime.toString()));
            command.addAll(jlinkOptions);
            run(command, "jlink");
            stripNativeLibraries(runtime);
            Files.writeString(runtimeStamp, runtimeKey);
            getLog().info("Linked a Java runtime of " + linked + ": " + megabytes(size(runtime)) + " MB");
        }

        Files.createDirectories(lib);
        String arch = jdkRelease().getProperty("OS_ARCH", "").replace("\"", "");
        Path jarStamp = dist.resolve(".jar-stamp");
        String jarKey = HexFormat.of().formatHex(sha256(jar.toPath())) + "\n" + nativeLibraries + " " + arch;
        natives = new NativeLibraries(nativeLibraries, arch);
        if (!Files.isRegularFile(appJar) || !jarKey.equals(read(jarStamp))) {
            // A changed jar invalidates the cache (the JVM checks the jar's size and time), so both go.
            Files.deleteIfExists(cache);
            natives.copyJarWithout(jar.toPath(), appJar, lib.resolve("native"));
            Files.writeString(jarStamp, jarKey);
        }
        writeLauncher(launcher, appJar.getFileName().toString(), cache.getFileName().toString());

        List<String> recording = recordingOptions(cache, feature);
        String trainingKey = String.join("\n", runtimeKey, jarKey, "jvm=" + jvmOptions, "training=" + trainingJvmOptions,
                "recording=" + recording, "requests=" + trainingRequests, "rounds=" + trainingRounds);
        Path trainingStamp = dist.resolve(".training-stamp");
        if (skipTraining) {
            Files.deleteIfExists(cache);
            getLog().info("No AOT cache (weft.distribution.skipTraining)");
        } else if (feature < 25) {
            Files.deleteIfExists(cache);
            getLog().warn("No AOT cache: the JDK at " + jdk + " is " + feature + "; -XX:AOTCacheOutput needs 25 or newer");
        } else if (Files.isRegularFile(cache) && trainingKey.equals(read(trainingStamp))) {
            getLog().info("AOT cache up to date: " + cache);
        } else {
            Files.deleteIfExists(cache);
            train(runtime, appJar, cache, recording);
            Files.writeString(trainingStamp, trainingKey);
        }
        getLog().info("Distribution " + dist + ": " + megabytes(size(dist)) + " MB (runtime "
                + megabytes(size(runtime)) + ", jar " + megabytes(Files.size(appJar)) + ", AOT cache "
                + megabytes(Files.isRegularFile(cache) ? Files.size(cache) : 0) + ") in "
                + (System.nanoTime() - started) / 1_000_000 + " ms; run " + launcher);
    }

    private List<String> moduleList(int feature) throws IOException, InterruptedException, MojoFailureException {
        Set<String> result = new LinkedHashSet<>();
        if (modules.isEmpty()) {
            String found = run(List.of(tool("jdeps"), "--ignore-missing-deps", "--multi-release", String.valueOf(feature),
                    "--print-module-deps", jar.getPath()), "jdeps").strip();
            String last = found.lines().reduce((first, second) -> second).orElse("");
            getLog().info("jdeps: the jar needs " + last);
            result.addAll(Arrays.asList(last.split(",")));
        } else {
            result.addAll(modules);
        }
        result.addAll(addModules);
        result.removeIf(String::isBlank);
        return List.copyOf(result);
    }

    private void stripNativeLibraries(Path runtime) throws IOException, InterruptedException {
        if (strip == null || strip.isBlank()) {
            return;
        }
        List<Path> libraries;
        try (Stream<Path> files = Files.walk(runtime)) {
            libraries = files.filter(file -> file.getFileName().toString().endsWith(".so")).toList();
        }
        for (Path library : libraries) {
            try {
                run(List.of(strip, "--strip-unneeded", library.toString()), strip);
            } catch (IOException | MojoFailureException e) {
                getLog().warn("Not stripped (" + e.getMessage().lines().findFirst().orElse("") + "): " + library);
                return;
            }
        }
    }

    /**
     * The options of the run that records the cache. JDK 25 keeps the JVM's call adapters in the
     * cache under a hash of their signatures, and two of them can clash (JDK-8364929, fixed
     * upstream): every start of the distribution then prints two warnings and makes that adapter
     * anyway. Without adapters in the cache it starts as fast (bench/README.md, "Small device")
     * and its log stays clean.
     */
    static List<String> recordingOptions(Path cache, int jdkFeatureVersion) {
        List<String> options = new ArrayList<>(List.of("-XX:AOTCacheOutput=" + cache));
        if (jdkFeatureVersion == 25) {
            options.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTAdapterCaching"));
        }
        return options;
    }

    private void train(Path runtime, Path appJar, Path cache, List<String> recording)
            throws IOException, InterruptedException, MojoFailureException {
        Path folder = buildDirectory.toPath().resolve(launcherName + "-training");
        FileTrees.delete(folder);
        Files.createDirectories(folder);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // The first start, not recorded: it creates what every later start finds (say, the database).
        long started = System.nanoTime();
        Trainee first = startTrainee(runtime, appJar, folder, List.of(),
                buildDirectory.toPath().resolve(launcherName + "-first-start.log"));
        try {
            awaitListening(first, client);
            stopTrainee(first);
        } finally {
            first.kill();
        }
        getLog().info("Training run: the first start, which creates the application's state, took "
                + (System.nanoTime() - started) / 1_000_000 + " ms");

        Path log = buildDirectory.toPath().resolve(launcherName + "-training.log");
        started = System.nanoTime();
        Trainee server = startTrainee(runtime, appJar, folder, recording, log);
        int sent = 0;
        try {
            awaitListening(server, client);
            long ready = System.nanoTime();
            for (int round = 0; round < trainingRounds; round++) {
                for (String request : trainingRequests) {
                    HttpResponse<byte[]> response = client.send(request(request, server.port()), HttpResponse.BodyHandlers.ofByteArray());
                    sent++;
                    if (response.statusCode() >= 500) {
                        throw new MojoFailureException("training request '" + request + "' answered "
                                + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8)
                                + "\n" + tail(log));
                    }
                }
            }
            getLog().info("Training run: ready in " + (ready - started) / 1_000_000 + " ms, " + sent + " requests in "
                    + (System.nanoTime() - ready) / 1_000_000 + " ms");
            // SIGTERM, as a service manager stops it; the JVM then writes the AOT cache.
            stopTrainee(server);
        } finally {
            server.kill();
        }
        if (!Files.isRegularFile(cache)) {
            throw new MojoFailureException("the training run wrote no AOT cache (exit " + server.process().exitValue()
                    + ")\n" + tail(log));
        }
        getLog().info("AOT cache " + cache + ": " + megabytes(Files.size(cache)) + " MB after "
                + (System.nanoTime() - started) / 1_000_000 + " ms of training (log: " + log + ")");
    }

    /** A server of the training run: its process, the port it was given, the file its output goes to. */
    private record Trainee(Process process, int port, Path log) {
        void kill() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Starts the jar as the launcher would, in {@code folder}, on a free port. */
    private Trainee startTrainee(Path runtime, Path appJar, Path folder, List<String> extraOptions, Path log) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(runtime.resolve("bin").resolve("java").toString());
        command.addAll(natives.systemProperties(appJar.resolveSibling("native").toString()));
        command.addAll(jvmOptions);
        command.addAll(trainingJvmOptions);
        command.addAll(extraOptions);
        command.add("-Dserver.port=" + port);
        command.add("-Dserver.host=127.0.0.1");
        command.add("-jar");
        command.add(appJar.toString());
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Trainee(process, port, log);
    }

    private void stopTrainee(Trainee server) throws IOException, InterruptedException, MojoFailureException {
        server.process().destroy();
        if (!server.process().waitFor(trainingTimeoutSeconds, TimeUnit.SECONDS)) {
            throw new MojoFailureException("the training run did not end within " + trainingTimeoutSeconds
                    + " s of SIGTERM\n" + tail(server.log()));
        }
    }

    private void awaitListening(Trainee server, HttpClient client)
            throws IOException, InterruptedException, MojoFailureException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(trainingTimeoutSeconds);
        HttpRequest probe = request(trainingRequests.isEmpty() ? "/" : trainingRequests.get(0), server.port());
        while (System.nanoTime() < deadline) {
            if (!server.process().isAlive()) {
                throw new MojoFailureException("the training run exited with " + server.process().exitValue() + "\n"
                        + tail(server.log()));
            }
            try {
                client.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (ConnectException notYet) {
                Thread.sleep(20);
            }
        }
        throw new MojoFailureException("the training run did not listen on port " + server.port() + " within "
                + trainingTimeoutSeconds + " s\n" + tail(server.log()));
    }

    static HttpRequest request(String spec, int port) {
        String[] parts = spec.strip().split(" ", 4);
        String method = parts[0].startsWith("/") ? "GET" : parts[0];
        int path = parts[0].startsWith("/") ? 0 : 1;
        if (parts.length <= path) {
            throw new IllegalArgumentException("training request '" + spec + "' has no path");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + parts[path]))
                .timeout(Duration.ofSeconds(60));
        if (parts.length > path + 1) {
            builder.header("Content-Type", parts[path + 1]);
        }
        String body = parts.length > path + 2 ? parts[path + 2] : null;
        return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void writeLauncher(Path launcher, String jarName, String cacheName) throws IOException {
        String options = jvmOptions.stream().map(DistributionMojo::shellQuote).collect(Collectors.joining(" "));
        // Double quotes: the shell expands $dir when the launcher runs.
        String libraryPath = natives.systemProperties("$dir/lib/native").stream()
                .map(option -> "\"" + option + "\" ").collect(Collectors.joining());
        String script = """
                #!/bin/sh
                # Starts %1$s on the Java runtime beside it, with the AOT cache of the build's training
                # run when it is there. Written by weft-wasm-aot:distribution.
                # JAVA_OPTS adds JVM options after these (the last of a repeated option wins; a GC or
                # heap layout other than the training run's makes the JVM ignore part of the cache).
                dir=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd -P) || exit 1
                if [ -f "$dir/lib/%3$s" ]; then
                  exec "$dir/runtime/bin/java" %5$s"-XX:AOTCache=$dir/lib/%3$s" %4$s $JAVA_OPTS -jar "$dir/lib/%2$s" "$@"
                fi
                exec "$dir/runtime/bin/java" %5$s%4$s $JAVA_OPTS -jar "$dir/lib/%2$s" "$@"
                """.formatted(launcherName, jarName, cacheName, options, libraryPath);
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, script);
        try {
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            launcher.toFile().setExecutable(true);
        }
    }

    static String shellQuote(String word) {
        return word.matches("[A-Za-z0-9_=:+,./@%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private int jdkFeatureVersion() throws IOException, MojoFailureException {
        String version = jdkRelease().getProperty("JAVA_VERSION", "").replace("\"", "");
        try {
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            throw new MojoFailureException("cannot read the JDK's version from " + jdk + "/release: '" + version + "'");
        }
    }

    private Properties jdkRelease() throws IOException, MojoFailureException {
        Path release = jdk.toPath().resolve("release");
        if (!Files.isRegularFile(release)) {
            throw new MojoFailureException("no JDK at " + jdk + " (no release file); set <jdk> or weft.distribution.jdk");
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        }
        return properties;
    }

    private String tool(String name) throws MojoFailureException {
        Path tool = jdk.toPath().resolve("bin").resolve(name);
        if (!Files.isExecutable(tool)) {
            throw new MojoFailureException(jdk + " has no " + name + ": a distribution needs a JDK, not a JRE;"
                    + " set <jdk> or weft.distribution.jdk");
        }
        return tool.toString();
    }

    private String run(List<String> command, String what) throws IOException, InterruptedException, MojoFailureException {
        getLog().debug(String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new MojoFailureException(what + " failed (exit " + process.exitValue() + "): " + output);
        }
        return output;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.isRegularFile(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        return "last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file) : null;
    }

    private static byte[] sha256(Path file) throws IOException {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
