package dev.weft.processor;

import static dev.weft.runtime.internal.http.FakeRequest.get;
import static dev.weft.processor.Http.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.runtime.internal.http.FakeRequest;
import dev.weft.runtime.http.HttpMethod;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.internal.http.Router;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Generated handlers render each return type (app/ReturnsApi.java). */
class ResponseRenderingTest {

    private final Object implementation = TestApp.get().implementation("Returns");
    private final Router returns = Router.of(TestApp.get().routes("app.ReturnsApiRoutes", implementation).routes());

    private void assertAnswers(String path, String contentType, String body) throws Exception {
        Response response = returns.dispatch(get(path));
        assertEquals(200, response.status());
        assertEquals(contentType, response.contentType());
        assertEquals(body, text(response));
    }

    @Test
    void stringIsUtf8Text() throws Exception {
        assertAnswers("/returns/text", Response.TEXT, "héllo");
    }

    @Test
    void bytesAreAnOctetStream() throws Exception {
        Response response = returns.dispatch(get("/returns/bytes"));
        assertEquals(Response.OCTET_STREAM, response.contentType());
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, response.body());
    }

    @Test
    void jsonRecordIsJson() throws Exception {
        assertAnswers("/returns/json", Response.JSON, "{\"name\":\"pen\",\"quantity\":3}");
    }

    @Test
    void listOfJsonRecordsIsAJsonArray() throws Exception {
        assertAnswers("/returns/list", Response.JSON, "[{\"name\":\"a\",\"quantity\":1},{\"name\":\"b\",\"quantity\":2}]");
    }

    @Test
    void intIsAJsonNumber() throws Exception {
        assertAnswers("/returns/int", Response.JSON, "42");
    }

    @Test
    void boxedDoubleIsAJsonNumber() throws Exception {
        assertAnswers("/returns/double", Response.JSON, "0.5");
    }

    @Test
    void booleanIsAJsonBoolean() throws Exception {
        assertAnswers("/returns/boolean", Response.JSON, "true");
    }

    @Test
    void voidIsA204WithoutBodyAfterTheCall() throws Exception {
        Response response = returns.dispatch(FakeRequest.of(HttpMethod.DELETE, "/returns/text"));
        assertEquals(204, response.status());
        assertNull(response.contentType());
        assertEquals(0, response.body().length);
        assertEquals(1, implementation.getClass().getField("deletions").getInt(implementation));
    }

    @Test
    void responseIsPassedThroughAsTheImplementationBuiltIt() throws Exception {
        Response response = returns.dispatch(FakeRequest.of(HttpMethod.POST, "/returns/response").body("pen"));
        assertEquals(201, response.status());
        assertEquals("/things/pen", response.header("Location"));
        assertEquals("pen", text(response));
    }

    @Test
    void checkedExceptionOfTheImplementationPropagates() {
        IOException thrown = assertThrows(IOException.class, () -> returns.dispatch(get("/returns/checked")));
        assertEquals("disk on fire", thrown.getMessage());
    }
}
