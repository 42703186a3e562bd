package dev.weft.runtime.http;

import java.util.List;
import java.util.Objects;

/** Who made a request, as authentication established it: a subject and its roles. */
public record Principal(String subject, List<String> roles) {

    /** The request attribute under which authentication leaves the principal. */
    public static final String ATTRIBUTE = "weft.principal";

    public Principal {
        Objects.requireNonNull(subject, "subject");
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
