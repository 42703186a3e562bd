;; Imports a host function Weft does not offer. Regenerate files.wasm with
;;   wat2wasm files.wat -o files.wasm
(module
  (import "env" "open_file" (func $open_file (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "open") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    call $open_file))
