;; The smallest useful module: no imports, one export. AotCompilerTest compiles and runs it.
;; Regenerate adder.wasm with: wat2wasm adder.wat -o adder.wasm
(module
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add))
