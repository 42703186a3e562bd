package dev.weft.bench.spring;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns parameter errors into the contract's 400 JSON body naming the parameter. */
@RestControllerAdvice
class BadRequestAdvice {

    record ErrorBody(String error, String parameter) {}

    @ExceptionHandler(BadParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ErrorBody badParameter(BadParameterException e) {
        return new ErrorBody(e.getMessage(), e.parameter());
    }
}
