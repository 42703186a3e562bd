package dev.weft.bench.spring;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The benchmark endpoints; see shared/BENCH-CONTRACT.md for /matmul. */
@RestController
public class BenchController {

    public record Message(String message) {}

    public record MatmulResult(int n, long seed, double checksum, double computeMs) {}

    @GetMapping(value = "/hello", produces = MediaType.TEXT_PLAIN_VALUE)
    public String hello() {
        return "hi";
    }

    @GetMapping("/json")
    public Message json() {
        return new Message("Hello, World!");
    }

    // Parameters arrive as raw strings so that every malformed value gets the same 400 body
    // (Spring's own int conversion would accept "+5" and answer failures in its own format).
    @GetMapping("/matmul")
    public MatmulResult matmul(
            @RequestParam(required = false) String n,
            @RequestParam(required = false) String seed) {
        int size = (int) Params.parse("n", n, 1, 5000, null);
        long seedValue = Params.parse("seed", seed, 0, 0xFFFF_FFFFL, 1L);
        return Matmul.run(size, seedValue);
    }
}
