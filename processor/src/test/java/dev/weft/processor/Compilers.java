package dev.weft.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** The compilers the tests run: Weft's processor, checking bindings against {@link ManifestFixtures}. */
final class Compilers {

    private Compilers() {}

    /** Weft's processor alone. */
    static Compiler weft() {
        return weft(manifests());
    }

    /** Weft's processor reading module manifests from {@code modulesDirectory}. */
    static Compiler weft(Path modulesDirectory) {
        return javac()
                .withProcessors(new WeftProcessor())
                .withOptions("-Aweft.modules.dir=" + modulesDirectory);
    }

    /** Weft's processor and avaje-jsonb's generator, as an application's build runs them. */
    static Compiler weftAndJsonb() {
        return javac()
                .withProcessors(new WeftProcessor(), new JsonbGenerator())
                .withOptions("-Aweft.modules.dir=" + manifests());
    }

    /** Compiles with Weft's processor, adding the classes of the fixture modules the bindings refer to. */
    static Compilation compileWithModules(JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(List.of(sources));
        all.addAll(Sources.moduleClasses());
        return weft().compile(all);
    }

    private static Path manifests() {
        try {
            return ManifestFixtures.directory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
