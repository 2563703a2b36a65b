package io.github.m365kit.group;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Previews a dynamic group's membership offline from a file of Graph user objects, in constant memory.
 *
 * <p>The input may be one Graph page ({@code {"value":[…]}}), several pages one after another or in a JSON array,
 * or a plain JSON array of user objects. Users are read one at a time with Jackson's streaming parser; only the
 * properties the rule reads (plus {@code userPrincipalName}) are materialised, everything else is skipped. An object
 * with a {@code value} array is treated as a page, any other object as a user.
 *
 * <pre>{@code
 * CompiledRule rule = GroupMembershipRule.parse("user.department -eq \"Finance\"").compile();
 * List<String> upns = MembershipPreview.matchingUserPrincipalNames(Path.of("users.json"), rule);
 * }</pre>
 *
 * <p>Stateless and thread-safe; each call uses its own parser.
 */
public final class MembershipPreview {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String UPN = "userPrincipalName";

    private MembershipPreview() {
    }

    /**
     * Returns the userPrincipalNames of the users in a file that match the rule, in input order.
     *
     * @param usersJson the file
     * @param rule the compiled rule
     * @return the matching names; users without a userPrincipalName are not listed
     * @throws UncheckedIOException if the file cannot be read or is not JSON of the accepted shapes
     */
    public static List<String> matchingUserPrincipalNames(Path usersJson, CompiledRule rule) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(usersJson)) {
            forEachMatch(in, rule, out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + usersJson, e);
        }
        return out;
    }

    /**
     * Streams users from JSON and passes the userPrincipalName of each match to a consumer, in input order.
     *
     * @param usersJson the JSON; not closed by this method
     * @param rule the compiled rule
     * @param onMatch receives each matching userPrincipalName
     * @return the number of user objects read
     * @throws io.github.m365kit.InvalidInputException if the input is not JSON (the message gives line and column)
     * @throws UncheckedIOException if the input cannot be read
     */
    public static long forEachMatch(InputStream usersJson, CompiledRule rule, Consumer<String> onMatch) {
        Objects.requireNonNull(usersJson, "usersJson == null");
        Objects.requireNonNull(rule, "rule == null");
        Objects.requireNonNull(onMatch, "onMatch == null");
        try (JsonParser p = JSON.createParser(usersJson)) {
            Reader reader = new Reader(p, rule, onMatch);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                reader.value(t);
            }
            return reader.users;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new io.github.m365kit.InvalidInputException("users JSON", "", "not JSON of the accepted shapes: " + e.getOriginalMessage()
                + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read users JSON", e);
        }
    }

    /** The fields to capture: a slot for a leaf, or the nested fields of an object. */
    private static final class Plan {
        final Map<String, Integer> slots = new HashMap<>();
        final Map<String, Plan> nested = new HashMap<>();
    }

    private static final class Reader implements RuleSubject {
        private final JsonParser p;
        private final CompiledRule rule;
        private final Consumer<String> onMatch;
        private final Plan plan = new Plan();
        private final Map<String, Integer> slotByName = new HashMap<>();
        private final Object[] values;
        private final int upnSlot;
        long users;

        Reader(JsonParser p, CompiledRule rule, Consumer<String> onMatch) {
            this.p = p;
            this.rule = rule;
            this.onMatch = onMatch;
            List<String> names = new ArrayList<>(rule.graphProperties());
            if (!names.contains(UPN)) {
                names.add(UPN);
            }
            for (String name : names) {
                int slot = slotByName.size();
                slotByName.put(name, slot);
                Plan current = plan;
                String[] parts = name.split("\\.");
                for (int i = 0; i < parts.length - 1; i++) {
                    current = current.nested.computeIfAbsent(parts[i], k -> new Plan());
                }
                current.slots.put(parts[parts.length - 1], slot);
            }
            values = new Object[slotByName.size()];
            upnSlot = slotByName.get(UPN);
        }

        @Override
        public Object property(String graphName) {
            Integer slot = slotByName.get(graphName);
            return slot == null ? null : values[slot];
        }

        void value(JsonToken t) throws IOException {
            if (t == JsonToken.START_OBJECT) {
                object();
            } else if (t == JsonToken.START_ARRAY) {
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (e == JsonToken.START_OBJECT) {
                        object();
                    } else if (e == null) {
                        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input inside an array");
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "expected a JSON object or array of users but found " + t + " at "
                        + p.currentLocation());
            }
        }

        /** Reads an object that is either a page (has a "value" array) or a user, and evaluates users. */
        private void object() throws IOException {
            Arrays.fill(values, null);
            boolean page = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_ARRAY && name.equals("value")) {
                    page = true;
                    value(v);
                    continue;
                }
                capture(plan, name, v);
            }
            if (t != JsonToken.END_OBJECT) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input inside an object");
            }
            if (!page) {
                users++;
                if (rule.test(this)) {
                    Object upn = values[upnSlot];
                    if (upn instanceof String) {
                        onMatch.accept((String) upn);
                    }
                }
            }
        }

        private void capture(Plan at, String name, JsonToken v) throws IOException {
            Integer slot = at.slots.get(name);
            if (slot != null) {
                values[slot] = read(v);
                return;
            }
            Plan nested = at.nested.get(name);
            if (nested != null && v == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String child = p.currentName();
                    capture(nested, child, p.nextToken());
                }
                return;
            }
            p.skipChildren();
        }

        private Object read(JsonToken t) throws IOException {
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input");
            }
            switch (t) {
                case VALUE_STRING:
                    return p.getText();
                case VALUE_TRUE:
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    return Boolean.FALSE;
                case VALUE_NULL:
                    return null;
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return p.getText();
                case START_ARRAY: {
                    List<Object> list = new ArrayList<>();
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        list.add(read(e));
                    }
                    return list;
                }
                case START_OBJECT: {
                    Map<String, Object> map = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        map.put(key, read(p.nextToken()));
                    }
                    return map;
                }
                default:
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t + " at " + p.currentLocation());
            }
        }
    }
}
