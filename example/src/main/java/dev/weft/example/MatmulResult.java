package dev.weft.example;

import io.avaje.jsonb.Json;

/**
 * The answer of the matrix multiplication benchmark (see the shared BENCH-CONTRACT.md).
 *
 * @param checksum the sum of all entries of the product
 * @param computeMs milliseconds spent in the multiplication alone
 */
@Json
public record MatmulResult(int n, long seed, double checksum, double computeMs) {}
