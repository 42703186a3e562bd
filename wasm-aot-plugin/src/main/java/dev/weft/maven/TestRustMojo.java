package dev.weft.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the unit tests of the Rust guest crates with {@code cargo test} on the host, in Maven's
 * {@code test} phase: a guest's {@code #[test]} functions cannot run inside the wasm build. Only
 * crates with a {@code #[test]} are run. {@code weft-guest} resolves to the SDK this plugin ships,
 * as in the wasm build. Skipped by {@code -DskipTests} and {@code -Dmaven.test.skip}.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestRustMojo extends AbstractGuestMojo {

    private static final Pattern TEST_ATTRIBUTE = Pattern.compile("#\\[\\s*test\\s*]");

    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skipTestCompilation;

    /** cargo's target folder for the host build, apart from the wasm one: other target, other flags. */
    @Parameter(defaultValue = "${project.build.directory}/cargo-host")
    File hostTargetDirectory;

    /** The cargo for the host; empty: {@code cargo} on PATH, else Debian's {@code /usr/bin/cargo}. */
    @Parameter(property = "weft.wasm.hostCargo")
    File hostCargo;

    @Override
    void buildModules() throws IOException, InterruptedException, MojoFailureException {
        if (skipTests || skipTestCompilation) {
            getLog().info("Skipping the Rust guests' tests (skipTests)");
            return;
        }
        List<String> patch = guestBuilder().guestSdkArguments();
        for (RustCrate crate : GuestBuilder.crates(rustDirectory.toPath())) {
            if (!hasTests(crate.directory())) {
                continue;
            }
            getLog().info("Testing Rust crate '" + crate.module() + "' with cargo test (host)");
            List<String> command = new ArrayList<>(List.of(hostCargo().toString(), "test", "--offline",
                    "--manifest-path", crate.manifest().toString(),
                    "--target-dir", hostTargetDirectory.toString(),
                    "--color", "never"));
            command.addAll(patch);
            Process cargo = new ProcessBuilder(command).directory(crate.directory().toFile())
                    .redirectErrorStream(true).start();
            String output = new String(cargo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (cargo.waitFor() != 0) {
                throw new MojoFailureException("The Rust tests of crate '" + crate.module() + "' (" + crate.directory()
                        + ") failed:\n" + output.strip());
            }
            output.lines().filter(line -> line.startsWith("test result:")).forEach(line -> getLog().info("  " + line));
        }
    }

    /** Whether a crate's own sources hold a test; compiling the others for the host proves nothing new. */
    static boolean hasTests(Path crate) throws IOException {
        for (String folder : List.of("src", "tests")) {
            Path sources = crate.resolve(folder);
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".rs")).toList()) {
                    if (TEST_ATTRIBUTE.matcher(Files.readString(file)).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Path hostCargo() throws MojoFailureException {
        if (hostCargo != null) {
            return hostCargo.toPath();
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "cargo");
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/cargo");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        throw new MojoFailureException("cargo is needed to run the Rust guests' tests and was not found on PATH. "
                + RustToolchain.INSTALL_HINT + " Or skip them with -DskipTests.");
    }
}
