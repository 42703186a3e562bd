package dev.weft.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The mistakes found while reading one element (an interface, a method, a parameter, a record),
 * and the reports of the elements read as part of it. Readers add to a report instead of printing,
 * and hand it back with what they read; the processor prints an interface's report once and
 * generates code only when it {@linkplain #isClean() is clean}, so that no generated code adds
 * errors of its own. (Dagger's {@code ValidationReport} works the same way.)
 *
 * <p>A mistake is printed once even when the same element is read again for another route (an
 * interface's {@code @Use}, a record that two bodies share).
 */
final class ValidationReport {

    private final Element subject;
    /** {@link Item}s and subreports, in the order they were found. */
    private final List<Object> entries = new ArrayList<>();

    private ValidationReport(Element subject) {
        this.subject = subject;
    }

    static ValidationReport about(Element subject) {
        return new ValidationReport(subject);
    }

    /** An error on the element this report is about. */
    void error(String message) {
        error(message, subject);
    }

    /** An error on {@code element}, where the compiler will show it. */
    void error(String message, Element element) {
        entries.add(new Item(Diagnostic.Kind.ERROR, message, element, null));
    }

    /** An error on one annotation of {@code element}. */
    void error(String message, Element element, AnnotationMirror annotation) {
        entries.add(new Item(Diagnostic.Kind.ERROR, message, element, annotation));
    }

    /** A warning: printed with the errors, but it leaves the report clean. */
    void warning(String message, Element element) {
        entries.add(new Item(Diagnostic.Kind.WARNING, message, element, null));
    }

    /** Makes the report of a part (a parameter, the chain of a route) part of this one. */
    void addSubreport(ValidationReport part) {
        entries.add(part);
    }

    /** Adds the report of {@code part} to this one, and gives back its value, or null when there is none. */
    <T> T include(Checked<T> part) {
        addSubreport(part.report());
        return part.value();
    }

    /** Whether neither this report nor any of its subreports has an error. */
    boolean isClean() {
        for (Object entry : entries) {
            boolean error = entry instanceof ValidationReport part ? !part.isClean()
                    : ((Item) entry).kind() == Diagnostic.Kind.ERROR;
            if (error) {
                return false;
            }
        }
        return true;
    }

    /** What was read, with this report. */
    <T> Checked<T> with(T value) {
        return new Checked<>(value, this);
    }

    /** Nothing could be read: the errors in this report say why. */
    <T> Checked<T> withNothing() {
        return new Checked<>(null, this);
    }

    /** Prints every item of this report and its subreports, each once, in the order found. */
    void printTo(Messager messager) {
        Set<Item> items = new LinkedHashSet<>();
        collect(items);
        for (Item item : items) {
            if (item.annotation() == null) {
                messager.printMessage(item.kind(), item.message(), item.element());
            } else {
                messager.printMessage(item.kind(), item.message(), item.element(), item.annotation());
            }
        }
    }

    private void collect(Set<Item> items) {
        for (Object entry : entries) {
            if (entry instanceof ValidationReport part) {
                part.collect(items);
            } else {
                items.add((Item) entry);
            }
        }
    }

    private record Item(Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation) {}

    /**
     * A value read from an element, and the report of what was wrong with it. The value is of use
     * only when the report is clean; it is null when the errors left nothing to read.
     */
    record Checked<T>(T value, ValidationReport report) {

        boolean isClean() {
            return report.isClean();
        }
    }
}
