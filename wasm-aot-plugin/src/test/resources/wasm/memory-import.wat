;; Imports its memory instead of exporting its own; Weft offers no memory.
;; Regenerate memory-import.wasm with: wat2wasm memory-import.wat -o memory-import.wasm
(module
  (import "env" "memory" (memory 1)))
