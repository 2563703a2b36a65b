package io.github.m365kit.graph;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.BackendException;
import io.github.m365kit.ConflictException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ServiceRuleException.Rule;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place where Graph (Kiota {@link ApiException} / {@link ODataError}) and Exchange admin REST errors become
 * m365kit exceptions. Messages name the operation and carry the service's message; they never contain request
 * headers, so no bearer token can leak through them.
 */
final class GraphErrors {
  /** The start of Entra's refusal to change a synced attribute (api-facts §1.1). */
  static final String ON_PREM_MASTERED = "Unable to update the specified properties for on-premises mastered Directory Sync objects";

  /**
   * How Entra's refusal of a dynamic membership rule reads (lower case). The in-memory tenant and the simulator use
   * the same words; the full wording and error code of the real service's 400 are unconfirmed.
   */
  static final String INVALID_RULE = "invalid membership rule";

  /**
   * The other wording of a refused rule, as Entra's portal reports it in public bug reports ("Dynamic membership rule
   * validation error: …"); that Graph v1.0 answers with these words is unconfirmed.
   */
  static final String RULE_VALIDATION_ERROR = "dynamic membership rule validation error";

  private GraphErrors() {}

  /**
   * Translates whatever a Graph SDK call threw.
   *
   * @param e the exception
   * @param operation e.g. "PATCH /users/jane@contoso.com"
   * @param kind what was addressed, for NotFoundException, e.g. "user"
   * @param id how it was addressed
   * @return the exception to throw
   */
  static M365KitException graph(RuntimeException e, String operation, String kind, String id) {
    if (e instanceof M365KitException m) {
      return m;
    }
    if (!(e instanceof ApiException api)) {
      if (hasIoCause(e)) {
        return new TransientException(operation + " failed: " + describeIo(e), null, e);
      }
      return new BackendException("graph", "client", operation + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
    int status = api.getResponseStatusCode();
    String code = "";
    String message = "";
    if (api instanceof ODataError odata && odata.getError() != null) {
      MainError main = odata.getError();
      code = main.getCode() == null ? "" : main.getCode();
      message = main.getMessage() == null ? "" : main.getMessage();
    }
    Duration retryAfter = retryAfter(header(api.getResponseHeaders(), "Retry-After"), Clock.systemUTC());
    return graph(status, code, message, retryAfter, operation, kind, id, api);
  }

  /**
   * Translates a Graph error that arrived as data rather than as an exception: an inner response of a
   * {@code $batch}, whose outer status was 200.
   *
   * @param status the inner HTTP status
   * @param code the {@code error.code}, may be empty
   * @param message the {@code error.message}, may be empty
   * @param retryAfter the inner {@code Retry-After}, or null
   * @param operation e.g. "POST /users/jane@contoso.com/revokeSignInSessions"
   * @param kind what was addressed, for NotFoundException
   * @param id how it was addressed
   * @param cause the native error, or null
   * @return the exception for that one request
   */
  static M365KitException graph(int status, String code, String message, Duration retryAfter, String operation,
      String kind, String id, Throwable cause) {
    String text = operation + " failed with HTTP " + status + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message);
    String lower = message.toLowerCase(Locale.ROOT);
    if (status == 400 && isGroupWrite(operation) && (lower.contains(INVALID_RULE) || lower.contains(RULE_VALIDATION_ERROR))) {
      return new ServiceRuleException(Rule.INVALID_MEMBERSHIP_RULE, text);
    }
    if (status == 400 && !message.startsWith(ON_PREM_MASTERED)) {
      Rule rule = exchangeRule(message.toLowerCase(Locale.ROOT));
      if (rule != null) {
        return new ServiceRuleException(rule, text);
      }
    }
    return byStatus("graph", status, code, message, text, retryAfter, kind, id, cause);
  }

  /** Group creation and updates are where Entra validates a membership rule. */
  private static boolean isGroupWrite(String operation) {
    return operation.startsWith("POST /groups") || operation.startsWith("PATCH /groups/");
  }

  /**
   * Translates an Exchange admin REST error response.
   *
   * @param status the HTTP status
   * @param body the response body, may be empty
   * @param retryAfter the wait the service asked for, or null
   * @param operation e.g. "InvokeCommand Set-Mailbox"
   * @param kind what was addressed
   * @param id how it was addressed
   * @return the exception to throw
   */
  static M365KitException exchange(int status, String body, Duration retryAfter, String operation, String kind, String id) {
    String[] codeAndMessage = exchangeMessage(body);
    String code = codeAndMessage[0];
    String raw = codeAndMessage[1];
    // Exchange task errors read "Ex6F9304|Microsoft.Exchange.…ManagementObjectNotFoundException|The operation …".
    String type = "";
    String message = raw;
    String[] parts = raw.split("\\|", 3);
    if (parts.length == 3) {
      type = parts[1];
      message = parts[2];
    }
    String text = operation + " failed with HTTP " + status + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message);
    String lower = message.toLowerCase(Locale.ROOT);
    if (type.endsWith("NotFoundException") || lower.contains("couldn't be found") || lower.contains("could not be found")) {
      return new NotFoundException(kind, id, text);
    }
    if (type.endsWith("AlreadyExistsException") || lower.contains("already exists")) {
      return new ConflictException(text);
    }
    if (status == 400 || (status == 500 && !type.isEmpty())) {
      Rule rule = exchangeRule(lower);
      if (rule != null) {
        return new ServiceRuleException(rule, text);
      }
    }
    return byStatus("exchange", status, code.isEmpty() ? type : code, message, text, retryAfter, kind, id, null);
  }

  private static Rule exchangeRule(String lower) {
    if (lower.contains("license validation error")) {
      return Rule.UM_LICENSE_VALIDATION;
    }
    if (lower.contains("already disabled for unified messaging") || lower.contains("isn't enabled for unified messaging")) {
      return Rule.UM_ALREADY_DISABLED;
    }
    if (lower.contains("extension") && lower.contains("in use")) {
      return Rule.UM_EXTENSION_IN_USE;
    }
    if (lower.contains("converted to a shared mailbox") || lower.contains("no exchange online license")) {
      return Rule.CONVERSION_REQUIRES_LICENSE;
    }
    if (lower.contains("must keep an exchange online plan 2")) {
      // m365kit's own rule (InMemoryTenant and the simulator): the real service accepts the removal.
      return Rule.SHARED_MAILBOX_REQUIRES_LICENSE;
    }
    if (lower.contains("on-premises mastered")) {
      return Rule.ON_PREMISES_MASTERED;
    }
    return null;
  }

  private static M365KitException byStatus(String backend, int status, String code, String message, String text,
      Duration retryAfter, String kind, String id, Throwable cause) {
    if (status == 400 && message.startsWith(ON_PREM_MASTERED)) {
      return new ServiceRuleException(Rule.ON_PREMISES_MASTERED, text
          + " The object is synchronised from on-premises Active Directory: change it in AD (for example with the"
          + " LDAP adapter) and let directory synchronisation carry it to the cloud.");
    }
    if (status == 404) {
      return new NotFoundException(kind, id, text);
    }
    if (status == 403 || status == 401) {
      return cause == null ? new AccessDeniedException(text) : new AccessDeniedException(text, cause);
    }
    if (status == 409) {
      return new ConflictException(text);
    }
    if (status == 429) {
      return new ThrottledException(text, retryAfter, cause);
    }
    if (status >= 500 || status == 408) {
      return new TransientException(text, retryAfter, cause);
    }
    return new BackendException(backend, status + (code.isEmpty() ? "" : " " + code), text, cause);
  }

  /**
   * Reads the message of an Exchange error body in the order api-facts §2.1 gives: {@code error.details[].message},
   * then {@code error.innererror.internalException.message}, then {@code error.message}.
   *
   * @param body the response body
   * @return {code, message}, both possibly empty
   */
  static String[] exchangeMessage(String body) {
    if (body == null || body.isBlank()) {
      return new String[] {"", ""};
    }
    JsonObject error;
    try {
      JsonElement root = JsonParser.parseString(body);
      if (!root.isJsonObject() || !(member(root.getAsJsonObject(), "error") instanceof JsonObject e)) {
        return new String[] {"", abbreviate(body)};
      }
      error = e;
    } catch (RuntimeException notJson) {
      return new String[] {"", abbreviate(body)};
    }
    String code = string(member(error, "code"));
    if (member(error, "details") instanceof JsonArray details) {
      StringBuilder sb = new StringBuilder();
      for (JsonElement d : details) {
        String m = d.isJsonObject() ? string(member(d.getAsJsonObject(), "message")) : "";
        if (!m.isEmpty()) {
          sb.append(sb.length() == 0 ? "" : "; ").append(m);
        }
      }
      if (sb.length() > 0) {
        return new String[] {code, sb.toString()};
      }
    }
    if (member(error, "innererror") instanceof JsonObject inner
        && member(inner, "internalException") instanceof JsonObject internal) {
      String m = string(member(internal, "message"));
      if (!m.isEmpty()) {
        return new String[] {code, m};
      }
    }
    return new String[] {code, string(member(error, "message"))};
  }

  /** Case-insensitive member look-up: the service is not consistent about the case of its keys. */
  static JsonElement member(JsonObject o, String name) {
    JsonElement exact = o.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String string(JsonElement e) {
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? "" : e.getAsString();
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() > 300 ? t.substring(0, 297) + "..." : t;
  }

  /**
   * Parses {@code Retry-After}: delta-seconds or an HTTP date.
   *
   * @param value the header, may be null
   * @param clock for the HTTP-date form
   * @return the wait, never negative, or null when absent or unreadable
   */
  static Duration retryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static String header(Map<String, Set<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, Set<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
        return e.getValue().iterator().next();
      }
    }
    return null;
  }

  static boolean hasIoCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String describeIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException) {
        return "timed out (" + t.getClass().getSimpleName() + ")";
      }
      if (t instanceof IOException) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return e.toString();
  }
}
