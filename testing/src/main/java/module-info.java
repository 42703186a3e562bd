/**
 * Weft's testing kit: {@link dev.weft.test.RouteTester} calls an application's routes in process,
 * without a socket; {@link dev.weft.test.WeftServerTest} starts the application's server on a free
 * port for a JUnit 5 test class and hands its tests a {@link dev.weft.test.TestClient}.
 */
module dev.weft.test {
    requires transitive dev.weft.runtime;
    requires transitive org.junit.jupiter.api;
    requires transitive java.net.http;

    exports dev.weft.test;
}
