package dev.weft.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * One step a request passes before a route's handler: an authentication or role guard from the
 * security annotations, or a middleware or guard class from {@code @Use}.
 *
 * @param type the {@code @Use} class, or null for the security guards
 * @param roles the roles of {@code ROLES}
 * @param takesConfig whether the class is built with the application's {@code Config}
 */
record ChainStep(Kind kind, ClassName type, List<String> roles, boolean takesConfig) {

    enum Kind {
        AUTHENTICATED,
        ROLES,
        MIDDLEWARE,
        GUARD
    }

    static ChainStep authenticated() {
        return new ChainStep(Kind.AUTHENTICATED, null, List.of(), false);
    }

    static ChainStep roles(List<String> roles) {
        return new ChainStep(Kind.ROLES, null, List.copyOf(roles), false);
    }

    boolean isGuard() {
        return kind != Kind.MIDDLEWARE;
    }

    /** For javadoc: {@code rolesAllowed(admin)}, {@code Timing}. */
    String describe() {
        return switch (kind) {
            case AUTHENTICATED -> "authenticated";
            case ROLES -> "rolesAllowed(" + String.join(", ", roles) + ")";
            default -> type.simpleName();
        };
    }
}
