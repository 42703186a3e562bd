package dev.weft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the distribution goal that need no JDK tools: training requests, launcher quoting, recording options. */
class DistributionMojoTest {

    @Test
    void readsATrainingRequestAsAGetOrAMethodWithTypeAndBody() {
        HttpRequest get = DistributionMojo.request("/matmul?n=40&seed=3", 8080);
        assertEquals("GET", get.method());
        assertEquals("http://127.0.0.1:8080/matmul?n=40&seed=3", get.uri().toString());

        HttpRequest post = DistributionMojo.request("POST /stats application/json {\"values\": [1, 2]}", 9);
        assertEquals("POST", post.method());
        assertEquals("/stats", post.uri().getPath());
        assertEquals("application/json", post.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(18L, post.bodyPublisher().orElseThrow().contentLength(), "the body keeps its spaces");

        assertThrows(IllegalArgumentException.class, () -> DistributionMojo.request("DELETE", 9));
    }

    @Test
    void quotesLauncherOptionsOnlyWhenTheShellWouldSplitOrExpandThem() {
        assertEquals("-XX:+UseSerialGC", DistributionMojo.shellQuote("-XX:+UseSerialGC"));
        assertEquals("-Dweft.config=/etc/weft/app.properties", DistributionMojo.shellQuote("-Dweft.config=/etc/weft/app.properties"));
        assertEquals("'-Dgreeting=hello world'", DistributionMojo.shellQuote("-Dgreeting=hello world"));
        assertEquals("'-Dx=$HOME'", DistributionMojo.shellQuote("-Dx=$HOME"));
        assertEquals("'-Dq=it'\\''s'", DistributionMojo.shellQuote("-Dq=it's"));
    }

    @Test
    void recordsTheCacheWithoutCallAdaptersOnJdk25Only() {
        Path cache = Path.of("dist/lib/app.aot");
        assertEquals(List.of("-XX:AOTCacheOutput=" + cache, "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTAdapterCaching"),
                DistributionMojo.recordingOptions(cache, 25));
        assertEquals(List.of("-XX:AOTCacheOutput=" + cache), DistributionMojo.recordingOptions(cache, 26));
    }
}
