;; Regenerate twice.wasm with
;;   wat2wasm twice.wat -o twice.wasm
(module
  (func (export "twice") (param i32) (result i32)
    local.get 0
    i32.const 2
    i32.mul))
