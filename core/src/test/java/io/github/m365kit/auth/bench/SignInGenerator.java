package io.github.m365kit.auth.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates sign-in events deterministically (same seed, same events) and writes them as a portal JSON array, as
 * Graph pages one per line, or as a portal CSV. Users and IPs come from fixed pools, so the audit's tables stop
 * growing once every pair was seen: heap use is flat in the number of events. A few attacker IPs spray failures.
 */
public final class SignInGenerator {
  /** The file shapes. */
  public enum Shape {
    /** A JSON array as the portal downloads it. */ PORTAL_JSON,
    /** Graph pages {@code {"value":[…]}}, one per line. */ GRAPH_PAGES,
    /** CSV with the portal's headers. */ CSV
  }

  static final String[] CLIENT_APPS = {
    "Browser", "Mobile Apps and Desktop clients", "IMAP4", "POP3", "Authenticated SMTP", "Exchange ActiveSync", "AutoDiscover", "Other clients",
    "MAPI Over HTTP", "Exchange Web Services", "Exchange Online PowerShell", "Offline Address Book", "Outlook Anywhere (RPC over HTTP)"
  };
  static final String[] APPS = {"Office 365 Exchange Online", "Microsoft Office", "Contoso \"Scanner\", v2", "Azure Portal"};
  private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy, h:mm:ss a", Locale.US);
  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  private final long seed;
  private final int users;
  private final int ipsPerUser;

  /**
   * @param seed the random seed
   * @param users the size of the user pool
   * @param ipsPerUser how many IPs each user signs in from
   */
  public SignInGenerator(long seed, int users, int ipsPerUser) {
    this.seed = seed;
    this.users = users;
    this.ipsPerUser = ipsPerUser;
  }

  /** One generated event, as plain fields. */
  static final class Event {
    long epochSecond;
    String upn;
    String userId;
    String clientApp;
    int errorCode;
    String failureReason;
    String ip;
    String app;
    boolean interactive;
  }

  private void next(SplittableRandom r, long i, Event e) {
    e.epochSecond = START.getEpochSecond() + i * 7 + r.nextInt(5);
    if (r.nextInt(100) < 5) {
      int attacker = r.nextInt(5);
      e.upn = "user" + r.nextInt(users) + "@contoso.com";
      e.clientApp = attacker < 3 ? "IMAP4" : "Other clients";
      e.errorCode = 50126;
      e.failureReason = "Error validating credentials due to invalid username or password.";
      e.ip = "203.0.113." + (10 + attacker);
      e.app = APPS[0];
      e.interactive = false;
    } else {
      int u = r.nextInt(users);
      e.upn = (u % 10 == 0 ? "User" : "user") + u + "@contoso.com";
      e.clientApp = CLIENT_APPS[r.nextInt(CLIENT_APPS.length)];
      boolean ok = r.nextInt(100) < 70;
      e.errorCode = ok ? 0 : 50126;
      e.failureReason = ok ? "" : "Invalid username or password, or invalid on-premise username or password.";
      e.ip = "10." + (u % 250) + "." + (u / 250 % 250) + "." + r.nextInt(ipsPerUser);
      e.app = APPS[r.nextInt(APPS.length)];
      e.interactive = r.nextBoolean();
    }
    e.userId = "00000000-0000-4000-8000-" + String.format("%012d", Math.abs(e.upn.toLowerCase(Locale.ROOT).hashCode()));
  }

  /**
   * Writes {@code n} events to a file.
   *
   * @param n how many events
   * @param shape the file shape
   * @param file the file
   */
  public void write(long n, Shape shape, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(n, shape, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code n} events to a stream.
   *
   * @param n how many events
   * @param shape the file shape
   * @param out the stream, not closed
   * @throws IOException when writing fails
   */
  public void write(long n, Shape shape, OutputStream out) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    Event e = new Event();
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    if (shape == Shape.CSV) {
      w.write("\uFEFFDate (UTC),Request ID,User,Username,User ID,Application,IP address,Location,Status,Sign-in error code,Failure reason,Client app,Interactive\r\n");
      for (long i = 0; i < n; i++) {
        next(r, i, e);
        String date = i % 7 == 3 ? LocalDateTime.ofEpochSecond(e.epochSecond, 0, ZoneOffset.UTC).format(US) : Instant.ofEpochSecond(e.epochSecond).toString();
        w.write(csv(date) + "," + i + "," + csv("User " + e.upn) + "," + e.upn + "," + e.userId + "," + csv(e.app) + "," + e.ip + ","
            + csv("Sydney, New South Wales, AU") + "," + (e.errorCode == 0 ? "Success" : "Failure") + "," + e.errorCode + "," + csv(e.failureReason)
            + "," + csv(e.clientApp) + "," + (e.interactive ? "Yes" : "No") + "\r\n");
      }
      w.flush();
      return;
    }
    JsonGenerator g = new JsonFactory().createGenerator(w);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    if (shape == Shape.PORTAL_JSON) {
      g.writeStartArray();
      for (long i = 0; i < n; i++) {
        next(r, i, e);
        event(g, e, i);
      }
      g.writeEndArray();
    } else {
      long i = 0;
      int page = 0;
      while (i < n) {
        g.writeStartObject();
        g.writeStringField("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns");
        g.writeArrayFieldStart("value");
        for (int k = 0; k < 1000 && i < n; k++, i++) {
          next(r, i, e);
          event(g, e, i);
        }
        g.writeEndArray();
        g.writeStringField("@odata.nextLink", "https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=" + (++page));
        g.writeEndObject();
        g.flush();
        w.write('\n');
      }
    }
    g.flush();
    w.flush();
  }

  private static void event(JsonGenerator g, Event e, long i) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", "66ea54eb-6301-4ee5-be62-" + String.format("%012d", i));
    String iso = Instant.ofEpochSecond(e.epochSecond).toString();
    g.writeStringField("createdDateTime", i % 3 == 0 ? iso : i % 3 == 1 ? iso.replace("Z", ".0000000Z") : iso.replace("Z", "+00:00"));
    g.writeStringField("userDisplayName", "User " + e.upn);
    g.writeStringField("userPrincipalName", e.upn);
    g.writeStringField("userId", e.userId);
    g.writeStringField("appId", "00000002-0000-0ff1-ce00-000000000000");
    g.writeStringField("appDisplayName", e.app);
    g.writeStringField("ipAddress", e.ip);
    g.writeStringField("clientAppUsed", e.clientApp);
    g.writeBooleanField("isInteractive", e.interactive);
    g.writeStringField("conditionalAccessStatus", "notApplied");
    g.writeObjectFieldStart("status");
    g.writeNumberField("errorCode", e.errorCode);
    if (e.failureReason.isEmpty()) {
      g.writeNullField("failureReason");
    } else {
      g.writeStringField("failureReason", e.failureReason);
    }
    g.writeNullField("additionalDetails");
    g.writeEndObject();
    g.writeObjectFieldStart("deviceDetail");
    g.writeStringField("deviceId", "");
    g.writeStringField("operatingSystem", "");
    g.writeEndObject();
    g.writeObjectFieldStart("location");
    g.writeStringField("city", "Sydney");
    g.writeObjectFieldStart("geoCoordinates");
    g.writeNumberField("latitude", -33.86);
    g.writeNumberField("longitude", 151.2);
    g.writeEndObject();
    g.writeEndObject();
    g.writeArrayFieldStart("appliedConditionalAccessPolicies");
    g.writeEndArray();
    g.writeEndObject();
  }

  private static String csv(String v) {
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
