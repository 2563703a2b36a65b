package io.github.m365kit.group;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Reads the date and time forms that appear in rules and in Graph JSON. */
final class RuleDates {

    private RuleDates() {
    }

    /** Parses an ISO-8601 instant, offset date-time, local date-time (UTC) or date (UTC midnight); null if none. */
    static Instant parse(String s) {
        String t = s.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Converts a subject value to an instant; null when it is absent or not a date. */
    static Instant toInstant(Object v) {
        if (v instanceof Instant) {
            return (Instant) v;
        }
        if (v instanceof OffsetDateTime) {
            return ((OffsetDateTime) v).toInstant();
        }
        if (v instanceof ZonedDateTime) {
            return ((ZonedDateTime) v).toInstant();
        }
        if (v instanceof LocalDate) {
            return ((LocalDate) v).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof Date) {
            return ((Date) v).toInstant();
        }
        if (v instanceof CharSequence) {
            return parse(v.toString());
        }
        return null;
    }
}
