;; The benchmarks' trivial module with 1 MiB of memory (16 pages of 64 KiB). large.wat is the same
;; with 64 MiB: the pair shows what the size of linear memory costs a call (its reset).
;; Rebuild the .wasm with: wat2wasm small.wat -o small.wasm
(module
  (memory (export "memory") 16)
  (func (export "noop") (result i32)
    i32.const 42))
