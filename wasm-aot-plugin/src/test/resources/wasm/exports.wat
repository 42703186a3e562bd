;; Every kind of export ModuleInspectorTest reads: numeric signatures, a re-exported import,
;; an export with a reference type (not bindable to Java, so not listed), memory and a global
;; (not functions, so not listed). Its imports are all offered by Weft.
;; Regenerate exports.wasm with: wat2wasm exports.wat -o exports.wasm
(module
  (import "weft" "log" (func $log (param i32 i32 i32)))
  (import "weft" "now_nanos" (func $now (result i64)))
  (memory (export "memory") 1)
  (global (export "counter") i32 (i32.const 7))
  (export "now" (func $now))
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)
  (func (export "scale") (param f64 f32) (result f64)
    local.get 0
    local.get 1
    f64.promote_f32
    f64.mul)
  (func (export "pair") (param i64) (result i32 i64)
    i32.const 1
    local.get 0)
  (func (export "nothing"))
  (func (export "by_ref") (param externref)))
