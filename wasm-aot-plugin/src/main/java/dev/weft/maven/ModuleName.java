package dev.weft.maven;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A wasm module's name, taken from its crate's folder or its file's base name: lower-case letters,
 * digits, {@code -} and {@code _}, so that it reads the same in annotations, configuration keys
 * and class names.
 */
record ModuleName(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_-]*");

    ModuleName {
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a valid wasm module name: use lower-case"
                    + " letters, digits, '-' and '_', starting with a letter (rename the crate folder or .wasm file)");
        }
    }

    /** {@code matmul-v2} becomes {@code MatmulV2Module}. */
    String className() {
        StringBuilder name = new StringBuilder();
        for (String part : value.split("[-_]")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.append("Module").toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
