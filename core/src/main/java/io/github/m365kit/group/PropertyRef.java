package io.github.m365kit.group;

import java.util.Objects;

/**
 * A reference to a property in a rule, such as {@code user.department}, {@code assignedPlan.servicePlanId} or the
 * lambda item {@code _}.
 *
 * <p>Property names are case-sensitive in the service and are kept exactly as written; only the scope word is
 * normalised.
 *
 * @param scope the object the property belongs to
 * @param name the property name; empty for {@link Scope#ITEM}
 */
public record PropertyRef(Scope scope, String name) {

    /** The object a property belongs to. */
    public enum Scope {
        /** A user property, {@code user.<name>}. */
        USER("user"),
        /** A device property, {@code device.<name>}. */
        DEVICE("device"),
        /** The current item of a string collection inside {@code -any}/{@code -all}, written {@code _}. */
        ITEM("_"),
        /** A field of the current assigned plan inside {@code user.assignedPlans -any/-all}. */
        ASSIGNED_PLAN("assignedPlan"),
        /** A field of the current group inside {@code memberOf -any} (preview). */
        GROUP("group");

        private final String word;

        Scope(String word) {
            this.word = word;
        }

        /**
         * Returns the word written before the dot.
         *
         * @return for example {@code user}
         */
        public String word() {
            return word;
        }
    }

    /**
     * Creates a property reference.
     *
     * @param scope the scope; not null
     * @param name the name; not null, ASCII letters, digits and {@code _}, empty exactly when the scope is
     *     {@link Scope#ITEM}
     */
    public PropertyRef {
        Objects.requireNonNull(scope, "scope == null");
        Objects.requireNonNull(name, "name == null");
        if ((scope == Scope.ITEM) != name.isEmpty()) {
            throw new IllegalArgumentException("name must be empty exactly for the _ item: " + scope + " " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                throw new IllegalArgumentException("property names are ASCII letters, digits and _: " + name);
            }
        }
    }

    /**
     * Returns a user property reference.
     *
     * @param name the property name, for example {@code department}
     * @return {@code user.<name>}
     */
    public static PropertyRef user(String name) {
        return new PropertyRef(Scope.USER, name);
    }

    /**
     * Returns a device property reference.
     *
     * @param name the property name, for example {@code deviceOSType}
     * @return {@code device.<name>}
     */
    public static PropertyRef device(String name) {
        return new PropertyRef(Scope.DEVICE, name);
    }

    /**
     * Returns the lambda item {@code _}.
     *
     * @return the item reference
     */
    public static PropertyRef item() {
        return new PropertyRef(Scope.ITEM, "");
    }

    /**
     * Returns the rule text of this reference.
     *
     * @return for example {@code user.department} or {@code _}
     */
    @Override
    public String toString() {
        return scope == Scope.ITEM ? "_" : scope.word + "." + name;
    }
}
