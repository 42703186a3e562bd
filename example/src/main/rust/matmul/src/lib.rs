//! `GET /matmul?n=N&seed=S`: the benchmark's matrix multiplication, exactly as the shared
//! BENCH-CONTRACT.md specifies, so that its checksum equals every other implementation's bit
//! for bit.

use weft_guest::{Json, fail, now_nanos};

/// The contract's largest `n`.
const MAX_N: i32 = 5000;

weft_guest::export! {
    /// Multiplies two `n` x `n` matrices filled from `seed` (an unsigned 32-bit value) and
    /// returns `{"n":N,"seed":S,"checksum":C,"computeMs":T}`, where `computeMs` is the time of
    /// the multiplication alone.
    fn matmul(n: i32, seed: i64) -> Json {
        // The host validates both already; a direct caller gets the same answer.
        if !(1..=MAX_N).contains(&n) {
            fail(400, "n must be an integer from 1 to 5000");
        }
        let Ok(seed) = u32::try_from(seed) else {
            fail(400, "seed must be an unsigned 32-bit integer");
        };
        let n = n as usize; // 1..=5000, checked above
        let (a, b) = fill(n, seed);
        let mut c = vec![0.0; n * n];

        let start = now_nanos();
        multiply(n, &a, &b, &mut c);
        let compute_ms = (now_nanos() - start) as f64 / 1e6;

        Json::object([
            ("n", n.into()),
            ("seed", seed.into()),
            ("checksum", checksum(&c).into()),
            ("computeMs", compute_ms.into()),
        ])
    }
}

/// The contract's 32-bit linear congruential generator.
struct Lcg(u32);

impl Lcg {
    /// `state = (1664525 * state + 1013904223) mod 2^32`, returned as `state / 2^32`.
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        f64::from(self.0) / 4_294_967_296.0
    }
}

/// A then B, row-major, from one generator stream.
fn fill(n: usize, seed: u32) -> (Vec<f64>, Vec<f64>) {
    let mut lcg = Lcg(seed);
    let a = (0..n * n).map(|_| lcg.next()).collect();
    let b = (0..n * n).map(|_| lcg.next()).collect();
    (a, b)
}

/// `c += a * b` with the contract's plain i-k-j loop: one `+=` of one product per element, in
/// that order, so the rounding (and so the checksum) is the reference's. Iterating over rows
/// as slices instead of indexing `[i * n + j]` lets the compiler drop the bounds checks from
/// the inner loop; the arithmetic is the same.
///
/// Never inlined: as a wasm function of its own it becomes a small Java method of its own, which
/// the JVM's JIT compiles about 1.4x faster than the same loops inside the export's one large
/// method (bench/jmh/results/2026-12-01-compute-gap/findings.md).
#[inline(never)]
fn multiply(n: usize, a: &[f64], b: &[f64], c: &mut [f64]) {
    for (a_row, c_row) in a.chunks_exact(n).zip(c.chunks_exact_mut(n)) {
        for (&a_ik, b_row) in a_row.iter().zip(b.chunks_exact(n)) {
            for (c_ij, &b_kj) in c_row.iter_mut().zip(b_row) {
                *c_ij += a_ik * b_kj;
            }
        }
    }
}

/// The sum of C in row-major order, starting from 0.0.
fn checksum(c: &[f64]) -> f64 {
    c.iter().fold(0.0, |sum, &x| sum + x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A separate, deliberately naive transcription of the contract (indices, `u64`
    /// arithmetic, `%`), to check the optimized code against.
    fn reference_checksum(n: usize, seed: u32) -> f64 {
        let mut state = u64::from(seed);
        let mut next = || {
            state = (1664525 * state + 1013904223) % 4294967296;
            state as f64 / 4294967296.0
        };
        let a: Vec<f64> = (0..n * n).map(|_| next()).collect();
        let b: Vec<f64> = (0..n * n).map(|_| next()).collect();
        let mut c = vec![0.0; n * n];
        for i in 0..n {
            for k in 0..n {
                let aik = a[i * n + k];
                for j in 0..n {
                    c[i * n + j] += aik * b[k * n + j];
                }
            }
        }
        let mut sum = 0.0;
        for x in c {
            sum += x;
        }
        sum
    }

    fn fast_checksum(n: usize, seed: u32) -> f64 {
        let (a, b) = fill(n, seed);
        let mut c = vec![0.0; n * n];
        multiply(n, &a, &b, &mut c);
        checksum(&c)
    }

    #[test]
    fn matches_the_naive_transcription_bit_for_bit() {
        for n in [1, 2, 3, 17, 100] {
            for seed in [0, 1, 7, u32::MAX] {
                assert_eq!(fast_checksum(n, seed).to_bits(), reference_checksum(n, seed).to_bits(), "n={n} seed={seed}");
            }
        }
    }

    /// The values in bench/peers/reference-checksums.txt (from the Java reference).
    #[test]
    fn matches_the_shared_reference_checksums() {
        for (n, seed, expected) in [
            (1, 1, 0.08731609112189746),
            (2, 1, 1.7407857144998435),
            (100, 1, 249252.8425196466),
            (200, 7, 1990844.2641906105),
            (500, 1, 3.1238545706446e7),
        ] {
            assert_eq!(fast_checksum(n, seed), expected, "n={n} seed={seed}");
        }
    }

    #[test]
    fn first_values_of_the_generator() {
        let mut lcg = Lcg(1);
        // 1664525 + 1013904223 = 1015568748
        assert_eq!(lcg.next(), 1015568748.0 / 4294967296.0);
    }

    #[test]
    fn answers_json() {
        let out = matmul(2, 1);
        assert_eq!(out.get("n"), Some(&Json::from(2)));
        assert_eq!(out.get("seed"), Some(&Json::from(1)));
        assert_eq!(out.get("checksum"), Some(&Json::from(1.7407857144998435)));
        assert!(out.get("computeMs").and_then(Json::as_f64).is_some_and(|ms| ms >= 0.0));
        assert_eq!(matmul(1, 4294967295).get("seed"), Some(&Json::from(4294967295u32)));
    }

    #[test]
    #[should_panic(expected = "weft fail(400): n must be")]
    fn rejects_n_above_the_limit() {
        matmul(5001, 1);
    }

    #[test]
    #[should_panic(expected = "weft fail(400): n must be")]
    fn rejects_n_below_one() {
        matmul(0, 1);
    }

    #[test]
    #[should_panic(expected = "weft fail(400): seed must be")]
    fn rejects_seeds_outside_u32() {
        matmul(1, 1 << 32);
    }
}
