;; The benchmarks' trivial module with 64 MiB of memory (1024 pages of 64 KiB); otherwise small.wat.
;; Rebuild the .wasm with: wat2wasm large.wat -o large.wasm
(module
  (memory (export "memory") 1024)
  (func (export "noop") (result i32)
    i32.const 42))
