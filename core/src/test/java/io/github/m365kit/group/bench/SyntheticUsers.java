package io.github.m365kit.group.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes deterministic, Graph-shaped user objects for tests and the benchmark. */
public final class SyntheticUsers {

    /** How the users are wrapped. */
    public enum Shape {
        /** A plain JSON array of users. */
        ARRAY,
        /** Graph pages {@code {"value":[…]}} written one after another. */
        PAGES,
        /** A JSON array of Graph pages. */
        ARRAY_OF_PAGES
    }

    /** The service plan id the generated users may have. */
    public static final String EXCHANGE_PLAN = "efb87545-963c-4e0d-99df-69c6916d9eb0";

    private static final String[] DEPARTMENTS = {"Finance", "Sales", "Marketing", "IT", "HR", "Legal", null};
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "us"};
    private static final String[] STATUSES = {"Enabled", "Suspended", "Deleted"};

    private SyntheticUsers() {
    }

    /**
     * Writes users to a file.
     *
     * @param file the target
     * @param count how many users
     * @param pageSize users per page for the page shapes
     * @param shape the wrapping
     * @param seed the random seed
     * @throws IOException if writing fails
     */
    public static void write(Path file, int count, int pageSize, Shape shape, long seed) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, count, pageSize, shape, seed);
        }
    }

    /**
     * Writes users to a stream.
     *
     * @param out the target; not closed
     * @param count how many users
     * @param pageSize users per page for the page shapes
     * @param shape the wrapping
     * @param seed the random seed
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, int count, int pageSize, Shape shape, long seed) throws IOException {
        Random r = new Random(seed);
        JsonFactory f = new JsonFactory();
        try (JsonGenerator g = f.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            if (shape == Shape.ARRAY) {
                g.writeStartArray();
                for (int i = 0; i < count; i++) {
                    user(g, r, i);
                }
                g.writeEndArray();
                return;
            }
            if (shape == Shape.ARRAY_OF_PAGES) {
                g.writeStartArray();
            }
            for (int start = 0; start < count; start += pageSize) {
                g.writeStartObject();
                g.writeStringField("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users");
                g.writeArrayFieldStart("value");
                for (int i = start; i < Math.min(count, start + pageSize); i++) {
                    user(g, r, i);
                }
                g.writeEndArray();
                if (start + pageSize < count) {
                    g.writeStringField("@odata.nextLink", "https://graph.microsoft.com/v1.0/users?$skiptoken=" + start);
                }
                g.writeEndObject();
                if (shape == Shape.PAGES) {
                    g.writeRaw('\n');
                }
            }
            if (shape == Shape.ARRAY_OF_PAGES) {
                g.writeEndArray();
            }
        }
    }

    private static void user(JsonGenerator g, Random r, int i) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", new java.util.UUID(r.nextLong(), r.nextLong()).toString());
        g.writeStringField("userPrincipalName", "user" + i + "@contoso.com");
        g.writeStringField("displayName", "User \"" + i + "\" O'Brien");
        g.writeStringField("mail", r.nextInt(10) == 0 ? null : "user" + i + "@contoso.com");
        String dept = DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
        if (dept == null) {
            g.writeNullField("department");
        } else {
            g.writeStringField("department", dept);
        }
        g.writeStringField("country", COUNTRIES[r.nextInt(COUNTRIES.length)]);
        g.writeStringField("jobTitle", r.nextBoolean() ? "Engineer" : "Manager");
        g.writeBooleanField("accountEnabled", r.nextInt(5) != 0);
        g.writeArrayFieldStart("businessPhones");
        g.writeString("+1 555 01" + (i % 100));
        g.writeEndArray();
        g.writeArrayFieldStart("proxyAddresses");
        g.writeString("SMTP:user" + i + "@contoso.com");
        if (r.nextBoolean()) {
            g.writeString("smtp:user" + i + "@fabrikam.com");
        }
        g.writeEndArray();
        g.writeArrayFieldStart("assignedPlans");
        int plans = r.nextInt(3);
        for (int p = 0; p < plans; p++) {
            g.writeStartObject();
            g.writeStringField("assignedDateTime", "2024-01-0" + (p + 1) + "T00:00:00Z");
            g.writeStringField("capabilityStatus", STATUSES[r.nextInt(STATUSES.length)]);
            g.writeStringField("service", p == 0 ? "exchange" : "SharePoint");
            g.writeStringField("servicePlanId", p == 0 ? EXCHANGE_PLAN : new java.util.UUID(r.nextLong(), 7).toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("onPremisesExtensionAttributes");
        for (int a = 1; a <= 15; a++) {
            if (a == 1) {
                g.writeStringField("extensionAttribute1", r.nextInt(4) == 0 ? "contractor" : "employee");
            } else {
                g.writeNullField("extensionAttribute" + a);
            }
        }
        g.writeEndObject();
        g.writeStringField("employeeHireDate", (2015 + r.nextInt(10)) + "-0" + (1 + r.nextInt(9)) + "-15T00:00:00Z");
        g.writeEndObject();
    }
}
