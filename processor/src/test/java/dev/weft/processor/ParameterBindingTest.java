package dev.weft.processor;

import static dev.weft.processor.Http.text;
import static dev.weft.runtime.internal.http.FakeRequest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.internal.http.Router;
import org.junit.jupiter.api.Test;

/** Generated handlers convert path, query and header values and pass them to the implementation (app/ParamsApi.java). */
class ParameterBindingTest {

    private final Router params = TestApp.get().router("app.ParamsApiRoutes", "Params");
    private final Router names = TestApp.get().router("app.NamesApiRoutes", "Names");

    @Test
    void pathVariablesAreConvertedToIntLongDoubleBooleanAndEnum() throws Exception {
        assertEquals("i=-7 l=9000000000 d=2.5 b=true c=RED",
                text(params.dispatch(get("/params/path/-7/9000000000/2.5/true/RED"))));
    }

    @Test
    void absentQueryParametersTakeTheirDefaultOrAreEmpty() throws Exception {
        assertEquals("n=3 f=1.5 opt=Optional.empty color=GREEN flag=true",
                text(params.dispatch(get("/params/query?n=3&f=1.5"))));
    }

    @Test
    void presentQueryParametersOverrideTheirDefaults() throws Exception {
        assertEquals("n=3 f=-0.25 opt=Optional[12] color=RED flag=false",
                text(params.dispatch(get("/params/query?n=3&f=-0.25&opt=12&color=RED&flag=false"))));
    }

    @Test
    void headersAreReadCaseInsensitivelyAndConverted() throws Exception {
        assertEquals("count=5 name=Optional[Ada] mode=fast",
                text(params.dispatch(get("/params/header").header("x-count", "5").header("X-NAME", "Ada"))));
    }

    @Test
    void requestParameterReceivesTheRequestItself() throws Exception {
        assertEquals("id=a b path=/params/request/a%20b", text(params.dispatch(get("/params/request/a%20b"))));
    }

    @Test
    void parametersNamedRequestAndParamsReachTheImplementation() throws Exception {
        assertEquals("request=r1 params=p1 path=/names/r1", text(names.dispatch(get("/names/r1?params=p1"))));
    }

    @Test
    void annotationsWithoutANameBindTheJavaParameterName() throws Exception {
        assertEquals("slug=intro page=Optional[2]", text(names.dispatch(get("/names/by-name/intro?page=2"))));
    }
}
