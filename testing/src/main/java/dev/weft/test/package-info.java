/**
 * Testing a Weft application: {@link dev.weft.test.RouteTester} calls routes in process with
 * {@link dev.weft.test.TestRequest}s; {@link dev.weft.test.WeftServerTest} starts the server on a
 * free port and hands tests a {@link dev.weft.test.TestClient}. Both answer with a
 * {@link dev.weft.test.TestResponse}.
 */
package dev.weft.test;
