;; A module from "any language": written by hand. Regenerate scale.wasm with
;;   wat2wasm scale.wat -o scale.wasm
(module
  (memory (export "memory") 1)
  (func (export "scale") (param $value f64) (param $factor f32) (result f64)
    local.get $value
    local.get $factor
    f64.promote_f32
    f64.mul))
