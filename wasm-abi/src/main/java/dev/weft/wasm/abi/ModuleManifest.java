package dev.weft.wasm.abi;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the build knows of one wasm module: its name, the Java class it was compiled to, and its
 * function exports and imports with their signatures.
 *
 * <p>The Maven plugin writes one manifest per module to {@link #resourcePath(String)}; the
 * annotation processor reads it to check {@code @WasmExport} bindings at compile time. The file is
 * a sorted properties file so that it diffs well and reads easily.
 */
public record ModuleManifest(
        String name,
        String className,
        String source,
        String sha256,
        Map<String, WasmSignature> exports,
        List<Import> imports,
        Map<String, Boolean> returnsBytes) {

    /** Folder of the manifests, relative to the class output. */
    public static final String RESOURCE_FOLDER = "META-INF/weft/modules/";

    private static final String EXPORT_PREFIX = "export.";
    private static final String IMPORT_PREFIX = "import.";
    private static final String RESULT_PREFIX = "result.";

    /**
     * @param returnsBytes for exports whose guest said what they return ({@link GuestAbi#RESULTS_SECTION}):
     *     true for bytes (a packed pointer and length), false for a number
     */
    public ModuleManifest {
        exports = Map.copyOf(exports);
        imports = List.copyOf(imports);
        returnsBytes = Map.copyOf(returnsBytes);
    }

    /** A manifest that says nothing of what its exports' results are. */
    public ModuleManifest(String name, String className, String source, String sha256,
            Map<String, WasmSignature> exports, List<Import> imports) {
        this(name, className, source, sha256, exports, imports, Map.of());
    }

    /** A function the module imports. */
    public record Import(String module, String name, WasmSignature signature) {

        @Override
        public String toString() {
            return module + "." + name + signature;
        }
    }

    /** Where the manifest of module {@code name} lives on the class path. */
    public static String resourcePath(String name) {
        return RESOURCE_FOLDER + name + ".properties";
    }

    /** Exports listed by name, sorted, each with its signature: for error messages. */
    public String describeExports() {
        return new TreeMap<>(exports)
                .entrySet().stream()
                        .map(e -> e.getKey() + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    public String write() {
        Properties properties = new Properties();
        properties.setProperty("module", name);
        properties.setProperty("class", className);
        properties.setProperty("source", source);
        properties.setProperty("sha256", sha256);
        exports.forEach((export, signature) ->
                properties.setProperty(EXPORT_PREFIX + export, signature.toString()));
        returnsBytes.forEach((export, bytes) ->
                properties.setProperty(RESULT_PREFIX + export, bytes ? "bytes" : "value"));
        for (Import imported : imports) {
            properties.setProperty(
                    IMPORT_PREFIX + imported.module() + "." + imported.name(),
                    imported.signature().toString());
        }
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties writes a timestamp comment and hash order; keep the entries, sorted.
        return out.toString()
                .lines()
                .filter(line -> !line.startsWith("#"))
                .sorted()
                .collect(Collectors.joining("\n", "# Weft wasm module manifest, written by the build\n", "\n"));
    }

    public static ModuleManifest read(String text) {
        return read(new StringReader(text));
    }

    public static ModuleManifest read(Reader reader) {
        Properties properties = new Properties();
        try {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, WasmSignature> exports = new LinkedHashMap<>();
        List<Import> imports = new ArrayList<>();
        Map<String, Boolean> returnsBytes = new LinkedHashMap<>();
        for (String key : new TreeMap<>(properties).keySet().stream().map(Object::toString).toList()) {
            String value = properties.getProperty(key);
            if (key.startsWith(EXPORT_PREFIX)) {
                exports.put(key.substring(EXPORT_PREFIX.length()), WasmSignature.parse(value));
            } else if (key.startsWith(RESULT_PREFIX)) {
                returnsBytes.put(key.substring(RESULT_PREFIX.length()), value.equals("bytes"));
            } else if (key.startsWith(IMPORT_PREFIX)) {
                String qualified = key.substring(IMPORT_PREFIX.length());
                int dot = qualified.indexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException("malformed import key '" + key + "'");
                }
                imports.add(new Import(
                        qualified.substring(0, dot), qualified.substring(dot + 1), WasmSignature.parse(value)));
            }
        }
        return new ModuleManifest(
                required(properties, "module"),
                required(properties, "class"),
                properties.getProperty("source", ""),
                properties.getProperty("sha256", ""),
                exports,
                imports,
                returnsBytes);
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("module manifest lacks '" + key + "'");
        }
        return value;
    }
}
