package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URLClassLoader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * The class files and resources a {@link Compilation} produced, loadable as classes. They are
 * written to a temporary folder (removed when the JVM exits) and read through a
 * {@link URLClassLoader}, so that resources such as {@code META-INF/services} files work too.
 */
final class CompiledClasses {

    private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

    private CompiledClasses() {}

    /** A class loader over the compilation's output whose parent is the tests' class loader. */
    static URLClassLoader load(Compilation compilation) {
        assertThat(compilation).succeeded();
        try {
            Path folder = Files.createTempDirectory("weft-compiled");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            for (JavaFileObject file : compilation.generatedFiles()) {
                String uri = file.toUri().toString();
                int start = uri.indexOf(CLASS_OUTPUT);
                if (start < 0) {
                    continue; // a generated source
                }
                Path target = folder.resolve(uri.substring(start + CLASS_OUTPUT.length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.copy(in, target);
                } catch (FileNotFoundException neverWritten) {
                    // a processor created the file object but wrote nothing to it (avaje probes the output folder so)
                }
            }
            return new URLClassLoader(new URL[] {folder.toUri().toURL()}, CompiledClasses.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the system cleans it eventually
        }
    }
}
