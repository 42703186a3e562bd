package dev.weft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Java handler on a platform thread of the server's compute pool rather than on the
 * request's virtual thread: for handlers that keep a processor busy (a long loop, a large
 * computation), which on a virtual thread would hold a carrier thread until they end, and with
 * as many of them as processors, stall every other request, {@code /health} included.
 *
 * <p>On an interface, every Java method of it; methods bound with {@link WasmExport} already run
 * on the module host's own threads, and are left as they are. At most
 * {@code weft.compute.max-concurrency} such calls run at once (default: the number of
 * processors); a request that finds none free within {@code weft.compute.acquire-timeout} (default
 * 5 s) answers 503. At the handler timeout ({@code weft.http.handler-timeout}) the request
 * answers 504 and the compute thread is interrupted: a loop that checks
 * {@link Thread#interrupted()} (once per outer iteration is enough, and free) stops there.
 *
 * <p>The hand-off costs about 50 microseconds of processor time per call (runtime/README.md), which is why
 * it is not the default for every handler.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Compute {}
