/** The vocabulary of a Weft application: routes, parameters, validation, security and wasm bindings. */
module dev.weft.annotations {
    exports dev.weft.annotations;
    exports dev.weft.annotations.security;
    exports dev.weft.annotations.validation;
}
