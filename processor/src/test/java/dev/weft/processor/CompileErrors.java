package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;

/** Assertions on the compile errors Weft's processor reports. */
final class CompileErrors {

    private CompileErrors() {}

    /**
     * Asserts that compiling {@code source} (with the fixture modules) fails with exactly one error,
     * containing {@code message}, reported on the line of {@code source} containing {@code offendingLine}.
     */
    static void assertOnlyError(JavaFileObject source, String message, String offendingLine) {
        Compilation compilation = assertError(source, message, offendingLine);
        assertThat(compilation).hadErrorCount(1);
    }

    /** Like {@link #assertOnlyError}, but other errors may accompany the one expected. */
    static Compilation assertError(JavaFileObject source, String message, String offendingLine) {
        Compilation compilation = Compilers.compileWithModules(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(offendingLine);
        return compilation;
    }
}
