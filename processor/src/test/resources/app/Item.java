package app;

@io.avaje.jsonb.Json
public record Item(String name, int quantity) {}
