package dev.weft.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class files Chicory's build-time compiler wrote for one module's functions:
 * {@code <Class>Machine.class} and its helpers ({@code <Class>MachineFuncGroup_0.class}, ...), but
 * not {@code <Class>MachineShaded.class}, Chicory's copy of its runtime helpers.
 */
final class MachineClasses {

    private MachineClasses() {}

    static List<Path> of(Path classesDirectory, String qualifiedName) throws IOException {
        String internalName = qualifiedName.replace('.', '/');
        Path directory = classesDirectory.resolve(internalName).getParent();
        String prefix = internalName.substring(internalName.lastIndexOf('/') + 1) + "Machine";
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".class") && !name.equals(prefix + "Shaded.class");
            }).sorted().toList();
        }
    }

    /** The shaded runtime class the machine's methods call, e.g. for {@code checkInterruption()}. */
    static String shadedOwner(String qualifiedName) {
        return qualifiedName.replace('.', '/') + "MachineShaded";
    }
}
