;; Imports env.foo, which Weft does not offer, beside weft.log, which it does.
;; Regenerate env-import.wasm with: wat2wasm env-import.wat -o env-import.wasm
(module
  (import "weft" "log" (func (param i32 i32 i32)))
  (import "env" "foo" (func (param i32) (result i32))))
