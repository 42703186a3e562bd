package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Implements an interface method with a function exported by a WebAssembly module of the project.
 *
 * <p>The processor generates {@code <Interface>Wasm}, an implementation of the interface whose
 * bound methods call the guest; it checks at compile time that the module exists, that it exports
 * the function, and that the export's signature fits the Java method (see docs/guest-abi.md).
 * When some methods of the interface are not bound, {@code <Interface>Wasm} is abstract and a
 * user class extends it to implement the rest in Java.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface WasmExport {

    /** The module's name: its Rust crate's directory, or its {@code .wasm} file's base name. */
    String module();

    /** The exported function; defaults to the Java method's name. */
    String function() default "";
}
