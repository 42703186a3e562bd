;; Loops for InterruptionCheckPassTest: a counted one, one that calls a function with its own
;; loop, and one that never ends.
;; Regenerate loops.wasm with: wat2wasm loops.wat -o loops.wasm
(module
  ;; 0 + 1 + ... + (n - 1), one back-edge per step.
  (func $sum (export "sum") (param $n i32) (result i64)
    (local $i i32) (local $total i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $total (i64.add (local.get $total) (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $total))
  ;; sum(0) + sum(1) + ... + sum(n - 1): a loop calling a function that loops.
  (func (export "nested") (param $n i32) (result i64)
    (local $i i32) (local $total i64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $total (i64.add (local.get $total) (call $sum (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $total))
  ;; Never returns.
  (func (export "spin")
    (loop $forever
      (br $forever))))
