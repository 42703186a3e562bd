package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"echo", "matmul-v2", "a", "snake_case", "x1", "a--b", "a_"})
    void acceptsLowerCaseLettersDigitsDashesAndUnderscores(String name) {
        assertEquals(name, new ModuleName(name).value());
        assertEquals(name, new ModuleName(name).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Echo", "1st", "-echo", "_echo", "my module", "my.module", "émile", "echo/x"})
    void refusesOtherNamesAndSaysWhatIsAllowed(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModuleName(name));
        assertTrue(e.getMessage().contains("'" + name + "' is not a valid wasm module name"), e.getMessage());
        assertTrue(e.getMessage().contains("lower-case letters, digits, '-' and '_'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "echo, EchoModule",
        "matmul-v2, MatmulV2Module",
        "snake_case_name, SnakeCaseNameModule",
        "a--b, ABModule",
        "x1, X1Module",
        "a_, AModule",
    })
    void classNameIsPascalCaseWithModuleSuffix(String name, String className) {
        assertEquals(className, new ModuleName(name).className());
    }
}
