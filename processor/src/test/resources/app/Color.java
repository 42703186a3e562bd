package app;

public enum Color {
    RED,
    GREEN
}
