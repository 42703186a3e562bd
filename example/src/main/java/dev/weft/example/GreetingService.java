package dev.weft.example;

/** Greets in Java. */
public final class GreetingService implements GreetingApi {

    @Override
    public String hello(String name) {
        return "Hello, " + name + "!";
    }
}
