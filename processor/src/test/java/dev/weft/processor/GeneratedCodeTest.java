package dev.weft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

class GeneratedCodeTest {

    @Test
    void printsGeneratedRoutes() throws Exception {
        Compilation compilation = javac()
                .withProcessors(new WeftProcessor())
                .withOptions("-Aweft.modules.dir=" + ManifestFixtures.directory())
                .compile(
                        Sources.moduleClass("test.wasm.MatmulModule"),
                        Sources.of("test.Result",
                                "package test;",
                                "@io.avaje.jsonb.Json public record Result(int n, double checksum) {}"),
                        Sources.of("test.MatmulApi",
                                "package test;",
                                "import dev.weft.annotations.*;",
                                "import dev.weft.annotations.validation.*;",
                                "@Api",
                                "public interface MatmulApi {",
                                "  @Get(\"/matmul\") @WasmExport(module = \"matmul\")",
                                "  Result matmul(@QueryParam(\"n\") @Min(1) @Max(5000) int n,",
                                "      @QueryParam(\"seed\") @Default(\"1\") @Min(0) @Max(4294967295L) long seed);",
                                "  @Get(\"/hello/{name}\") String hello(@PathParam(\"name\") String name);",
                                "  @Post(\"/echo\") @WasmExport(module = \"echo\") byte[] echo(@Body byte[] body);",
                                "}"),
                        Sources.moduleClass("test.wasm.EchoModule"));
        assertThat(compilation).succeededWithoutWarnings();
        compilation.generatedSourceFiles().forEach(file -> {
            try {
                System.out.println(file.getCharContent(true));
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
        });
    }
}
