package dev.weft.processor;

import io.avaje.jsonb.generator.JsonbProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardLocation;

/**
 * avaje-jsonb's generator ({@link JsonbProcessor}), made to run under compile-testing. When it
 * starts, it asks the Filer for a scratch file ({@code avaje-processors.txt}) and opens it as a
 * {@link Path}, which fails for compile-testing's in-memory {@code mem:} files. This gives it a
 * Filer that puts such scratch files in a temporary folder and passes everything else, the
 * adapters and the service file, to compile-testing's own.
 */
final class JsonbGenerator implements Processor {

    private static final Path SCRATCH = scratchFolder();

    private final Processor delegate = new JsonbProcessor();

    @Override
    public Set<String> getSupportedOptions() {
        return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
        delegate.init(new ScratchEnvironment(env));
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
            Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
        return delegate.getCompletions(element, annotation, member, userText);
    }

    private static Path scratchFolder() {
        try {
            Path folder = Files.createTempDirectory("weft-avaje-scratch");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record ScratchEnvironment(ProcessingEnvironment env) implements ProcessingEnvironment {

        @Override
        public Map<String, String> getOptions() {
            return env.getOptions();
        }

        @Override
        public Messager getMessager() {
            return env.getMessager();
        }

        @Override
        public Filer getFiler() {
            return new ScratchFiler(env.getFiler());
        }

        @Override
        public Elements getElementUtils() {
            return env.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return env.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return env.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return env.getLocale();
        }

        @Override
        public boolean isPreviewEnabled() {
            return env.isPreviewEnabled();
        }
    }

    private record ScratchFiler(Filer filer) implements Filer {

        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
            return filer.createSourceFile(name, originatingElements);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
            return filer.createClassFile(name, originatingElements);
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
                CharSequence relativeName, Element... originatingElements) throws IOException {
            if (location == StandardLocation.CLASS_OUTPUT && relativeName.toString().startsWith("avaje-")) {
                Path scratch = SCRATCH.resolve(relativeName.toString());
                scratch.toFile().deleteOnExit();
                return new SimpleJavaFileObject(scratch.toUri(), JavaFileObject.Kind.OTHER) {};
            }
            return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
                CharSequence relativeName) throws IOException {
            return filer.getResource(location, moduleAndPkg, relativeName);
        }
    }
}
