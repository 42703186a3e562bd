package dev.weft.runtime.middleware;

import dev.weft.runtime.http.Request;

/**
 * Allows a request through or rejects it with a status and a reason, before the handler runs.
 *
 * <pre>{@code
 * public final class WeekdaysOnly implements Guard {
 *     public Verdict check(Request request) {
 *         return LocalDate.now().getDayOfWeek().getValue() <= 5
 *                 ? Verdict.allow()
 *                 : Verdict.reject(403, "closed at weekends");
 *     }
 * }
 * }</pre>
 *
 * Declare it with {@code @Use(WeekdaysOnly.class)}; a rejection answers as a problem response.
 */
@FunctionalInterface
public interface Guard {

    Verdict check(Request request);
}
