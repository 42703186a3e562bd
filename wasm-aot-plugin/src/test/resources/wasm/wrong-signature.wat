;; Imports weft.log with one parameter instead of (i32,i32,i32).
;; Regenerate wrong-signature.wasm with: wat2wasm wrong-signature.wat -o wrong-signature.wasm
(module
  (import "weft" "log" (func (param i32))))
