package dev.weft.test;

import dev.weft.runtime.http.HttpMethod;

/**
 * What a test sends requests through: {@link RouteTester} in process, or {@link TestClient} over
 * HTTP. A test written against this type runs either way.
 */
public interface TestRequests {

    /**
     * A request with any method.
     *
     * @param target the path as sent (percent-encoded) and an optional query: {@code /orders/7?full=true}
     */
    TestRequest request(HttpMethod method, String target);

    default TestRequest get(String target) {
        return request(HttpMethod.GET, target);
    }

    default TestRequest post(String target) {
        return request(HttpMethod.POST, target);
    }

    default TestRequest put(String target) {
        return request(HttpMethod.PUT, target);
    }

    default TestRequest patch(String target) {
        return request(HttpMethod.PATCH, target);
    }

    default TestRequest delete(String target) {
        return request(HttpMethod.DELETE, target);
    }
}
