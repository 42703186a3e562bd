package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.weft.processor.CompileErrors.assertOnlyError;

import org.junit.jupiter.api.Test;

/**
 * Compile errors of {@code @Default} and of its {@code @Min}/{@code @Max} bounds: checked so that a
 * default cannot fail at run time. Other misuses of the validation annotations: ValidationErrorsTest.
 */
class DefaultAndBoundsErrorsTest {

    /** An {@code @Api} interface with one route whose parameter list is {@code parameters}. */
    private static void assertParameterError(String parameters, String message, String offendingLine) {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          enum Color { RED, GREEN }
                          @Get("/things/{id}")
                          String things(@PathParam("id") String id,
                              %s);
                        }
                        """.formatted(parameters)),
                message,
                offendingLine);
    }

    @Test
    void defaultOnPathParameterIsAnError() {
        assertOnlyError(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          @Get("/things/{id}")
                          String thing(@PathParam("id") @Default("1") int id);
                        }
                        """),
                "parameter 'id' of Shop.thing(int): @Default applies only to query and header parameters",
                "String thing(");
    }

    @Test
    void defaultOnOptionalIsAnError() {
        assertParameterError("@QueryParam(\"n\") @Default(\"1\") Optional<Integer> n",
                "parameter 'n' of Shop.things(String, Optional<Integer>): an Optional parameter cannot also have a @Default",
                "Optional<Integer> n");
    }

    @Test
    void defaultThatIsNotAnIntIsAnError() {
        assertParameterError("@QueryParam(\"n\") @Default(\"ten\") int n",
                "@Default(\"ten\") is not an int", "int n");
    }

    @Test
    void defaultBeyondTheRangeOfIntIsAnError() {
        assertParameterError("@QueryParam(\"n\") @Default(\"4294967296\") Integer n",
                "@Default(\"4294967296\") is not an int", "Integer n");
    }

    @Test
    void defaultThatIsNotADecimalNumberIsAnError() {
        assertParameterError("@HeaderParam(\"X-Ratio\") @Default(\"NaN\") double ratio",
                "@Default(\"NaN\") is not a decimal number", "double ratio");
    }

    @Test
    void defaultThatIsNotTrueOrFalseIsAnError() {
        assertParameterError("@QueryParam(\"all\") @Default(\"yes\") boolean all",
                "@Default(\"yes\") is not true or false", "boolean all");
    }

    @Test
    void defaultThatIsNotAConstantOfTheEnumIsAnError() {
        assertParameterError("@QueryParam(\"color\") @Default(\"red\") Color color",
                "@Default(\"red\") is not a constant of Color", "Color color");
    }

    @Test
    void minGreaterThanMaxIsAnError() {
        assertParameterError("@QueryParam(\"n\") @Min(5) @Max(1) int n",
                "@Min(5) is greater than @Max(1)", "int n");
    }

    @Test
    void defaultBelowMinIsAnError() {
        assertParameterError("@QueryParam(\"n\") @Min(1) @Max(10) @Default(\"0\") int n",
                "@Default(\"0\") is outside its @Min/@Max", "int n");
    }

    @Test
    void defaultAboveMaxIsAnError() {
        assertParameterError("@QueryParam(\"x\") @Max(1) @Default(\"1.5\") double x",
                "@Default(\"1.5\") is outside its @Min/@Max", "double x");
    }

    /**
     * 2^53 + 1 is above the bound, but equal to it once both are doubles: the default passes the
     * compile-time check and then fails the exact check of every request that omits the parameter.
     */
    @Test
    void longDefaultJustAboveALargeMaxIsAnError() {
        assertParameterError("@QueryParam(\"n\") @Max(9007199254740992L) @Default(\"9007199254740993\") long n",
                "@Default(\"9007199254740993\") is outside its @Min/@Max", "long n");
    }

    @Test
    void defaultsAndBoundsThatFitCompile() {
        assertThat(Compilers.weft().compile(Sources.weft("Shop", """
                        @Api
                        public interface Shop {
                          enum Color { RED, GREEN }
                          @Get("/things")
                          String things(@QueryParam("n") @Min(-5) @Max(5) @Default("-5") int n,
                              @QueryParam("big") @Min(0) @Max(4294967295L) @Default("4294967295") long big,
                              @QueryParam("ratio") @Min(0) @Max(1) @Default("0.25") float ratio,
                              @HeaderParam("X-Exp") @Default("1e2") double exp,
                              @QueryParam("all") @Default("false") Boolean all,
                              @QueryParam("color") @Default("GREEN") Color color,
                              @QueryParam("name") @Default("") String name);
                        }
                        """)))
                .succeededWithoutWarnings();
    }
}
