package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.CompileErrors.assertOnlyError;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Compile errors of validation annotations that do not fit what they annotate. */
class ValidationErrorsTest {

    /** An {@code @Api} interface whose one route takes {@code parameter}. */
    private static void assertParameterError(String parameter, String message, String offendingLine) {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Post("/things")
                          String things(
                              %s);
                        }
                        """.formatted(parameter)),
                message,
                offendingLine);
    }

    /** An {@code @Api} interface whose one route takes a {@code Thing} body, {@code components} being Thing's. */
    private static void assertComponentError(String components, String message, String offendingLine) {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @io.avaje.jsonb.Json record Part(String label) {}
                          @io.avaje.jsonb.Json record Thing(
                              %s) {}
                          @Post("/things") String things(@Body Thing thing);
                        }
                        """.formatted(components)),
                message,
                offendingLine);
    }

    @Test
    void notNullOnAPrimitiveIsAnError() {
        assertParameterError("@QueryParam(\"n\") @NotNull int n",
                "parameter 'n' of Shop.things(int): @NotNull on a primitive, which is never null", "int n");
    }

    @Test
    void notBlankOnANumberIsAnError() {
        assertParameterError("@QueryParam(\"n\") @NotBlank Integer n",
                "@NotBlank and @Pattern apply to strings, not to java.lang.Integer", "Integer n");
    }

    @Test
    void patternOnAnEnumComponentIsAnError() {
        assertComponentError("@Pattern(\"a+\") java.time.DayOfWeek day",
                "component 'day' of Thing: @NotBlank and @Pattern apply to strings, not to java.time.DayOfWeek",
                "DayOfWeek day");
    }

    @Test
    void sizeOnANumberIsAnError() {
        assertParameterError("@HeaderParam(\"X-N\") @Size(max = 3) long n",
                "@Size applies to strings, collections and maps, not to long", "long n");
    }

    @Test
    void sizeWithAnEmptyRangeIsAnError() {
        assertParameterError("@QueryParam(\"q\") @Size(min = 5, max = 1) String q",
                "@Size(min = 5, max = 1) is an empty range", "String q");
    }

    @Test
    void patternThatIsNotARegularExpressionIsAnError() {
        assertParameterError("@QueryParam(\"q\") @Pattern(\"[a-z\") String q",
                "@Pattern(\"[a-z\") is not a regular expression", "String q");
    }

    @Test
    void minOnAStringIsAnError() {
        assertParameterError("@QueryParam(\"name\") @Min(1) String name",
                "parameter 'name' of Shop.things(String): @Min and @Max apply to numbers, not to java.lang.String",
                "String name");
    }

    @Test
    void minGreaterThanMaxOnAComponentIsAnError() {
        assertComponentError("@Min(5) @Max(1) int count",
                "component 'count' of Thing: @Min(5) is greater than @Max(1)", "int count");
    }

    @Test
    void validationOnABodyParameterIsAnErrorPointingToTheComponents() {
        assertParameterError("@Body @NotBlank String text",
                "parameter 'text' of Shop.things(String): validation annotations apply to path, query and header"
                        + " parameters; for a body, annotate the record's components",
                "String text");
    }

    @Test
    void validationOnAParameterOfAWasmBindingIsAnError() {
        assertOnlyError(Sources.weft("Calc", """
                        public interface Calc {
                          @WasmExport(module = "bare") int add(
                              @Min(1) int a, int b);
                        }
                        """),
                "parameter 'a' of Calc.add(int, int): validation annotations apply to path, query and header parameters",
                "@Min(1) int a");
    }

    @Test
    void validOnAParameterIsAnError() {
        assertParameterError("@QueryParam(\"q\") @Valid String q",
                "parameter 'q' of Shop.things(String): @Valid applies to components of a @Json record", "String q");
    }

    @Test
    void validOnAComponentThatIsNotAJsonRecordIsAnError() {
        assertComponentError("@Valid String name",
                "component 'name' of Thing: @Valid applies to a @Json record or a List of them, not to java.lang.String",
                "String name");
    }

    /** A principal is null for anonymous requests, so @NotNull on it reads as "authenticated" but checks nothing. */
    @Test
    void validationOnAPrincipalParameterIsAnError() {
        assertParameterError("@NotNull Principal principal",
                "validation annotations apply to path, query and header parameters", "Principal principal");
    }

    /** The validator of Thing calls one for Part, which is not written because Part has no constraints. */
    @Test
    void validOnARecordWithoutConstraintsCompiles() {
        Compilation compilation = Compilers.weft().compile(Sources.weft("Shop", """
                @Api
                public interface Shop {
                  @io.avaje.jsonb.Json record Part(String name) {}
                  @io.avaje.jsonb.Json record Thing(@Valid Part part, @Valid List<Part> parts) {}
                  @Post("/things") String things(@Body Thing thing);
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
    }

    /** Each route reads the records its body reaches: an error in a record two routes share is still one error. */
    @Test
    void anErrorInARecordThatTwoRoutesShareIsReportedOnce() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @io.avaje.jsonb.Json record Thing(
                              @Pattern("a+") java.time.DayOfWeek day) {}
                          @Post("/things") String things(@Body Thing thing);
                          @Put("/things") String replace(@Body Thing thing);
                        }
                        """),
                "component 'day' of Thing: @NotBlank and @Pattern apply to strings, not to java.time.DayOfWeek",
                "DayOfWeek day");
    }
}
