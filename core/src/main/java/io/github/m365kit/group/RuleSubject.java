package io.github.m365kit.group;

import java.util.Map;
import java.util.Objects;

/**
 * An object a rule is evaluated against, seen through its Graph JSON property names.
 *
 * <p>{@link #property(String)} takes a Graph name, not a rule name: the compiled rule maps {@code user.objectId} to
 * {@code id}, {@code user.mobile} to {@code mobilePhone}, {@code user.extensionAttribute1} to
 * {@code onPremisesExtensionAttributes.extensionAttribute1} and so on. Dotted names address nested objects.
 * Values are {@link String}, {@link Boolean}, {@code List<String>}, {@link java.time.OffsetDateTime} or
 * {@link java.time.Instant} (ISO-8601 strings are parsed too), a list of assigned-plan maps with
 * {@code servicePlanId}, {@code capabilityStatus} and {@code service}, or null when absent.
 *
 * <p>Two inputs are not in a plain Graph user object: {@code memberOf} (a list of group ids, for the preview
 * {@code memberOf} operator) and {@code manager} (the manager object or id, as {@code $expand=manager} returns it,
 * for {@code Direct Reports for}); supply them if your rules use them.
 */
@FunctionalInterface
public interface RuleSubject {

    /**
     * Returns a property value.
     *
     * @param graphName the Graph JSON name, possibly dotted, for example {@code onPremisesExtensionAttributes.extensionAttribute3}
     * @return the value, or null if absent
     */
    Object property(String graphName);

    /**
     * Wraps a Graph user (or device) JSON object as Jackson maps it into a {@code Map}.
     *
     * @param json the object; nested objects are maps, arrays are lists
     * @return a subject reading from the map; it does not copy it
     */
    static RuleSubject ofMap(Map<String, ?> json) {
        Objects.requireNonNull(json, "json == null");
        return name -> {
            Object direct = json.get(name);
            if (direct != null || name.indexOf('.') < 0) {
                return direct;
            }
            Object current = json;
            int start = 0;
            while (current instanceof Map) {
                int dot = name.indexOf('.', start);
                String part = dot < 0 ? name.substring(start) : name.substring(start, dot);
                current = ((Map<?, ?>) current).get(part);
                if (dot < 0) {
                    return current;
                }
                start = dot + 1;
            }
            return null;
        };
    }
}
