package io.github.m365kit.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link LegacyAuthReport} as text, JSON, CSV or HTML. Stateless. */
final class AuditRenderer {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String[] COLOURS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939",
    "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d"
  };

  private AuditRenderer() {}

  static void write(LegacyAuthReport r, LegacyAuthReport.Format format, Writer out) throws IOException {
    switch (format) {
      case JSON:
        json(r, out);
        break;
      case CSV:
        csv(r, out);
        break;
      case HTML:
        html(r, out);
        break;
      default:
        text(r, out);
    }
    out.flush();
  }

  // ------------------------------------------------------------------ text

  private static void text(LegacyAuthReport r, Writer out) throws IOException {
    out.write("Legacy authentication audit, " + r.generatedAt() + "\n");
    out.write(r.eventsRead() + " sign-ins read, " + r.legacyEvents() + " with legacy authentication, " + r.users().size() + " user/protocol pairs\n\n");
    List<LegacyAuthReport.Usage> breaking = r.wouldBreak();
    out.write("Would break when basic authentication is off (" + breaking.size() + "):\n");
    for (LegacyAuthReport.Usage u : breaking) {
      out.write(String.format(Locale.ROOT, "  %-40s %-32s ok=%d failed=%d ips=%s %s .. %s%n", oneLine(u.userPrincipalName()), oneLine(u.protocol()),
          u.successes(), u.failures(), u.distinctIpsText(), u.firstSeen(), u.lastSeen()));
      out.write("      -> " + u.recommendation().orElse("") + "\n");
    }
    out.write("\nSuspected password spray (" + r.suspectedSpray().size() + " IPs):\n");
    for (LegacyAuthReport.SprayIp s : r.suspectedSpray()) {
      out.write(String.format(Locale.ROOT, "  %-40s failures=%d successes=%d accounts=%s%d: %s%n", oneLine(s.ipAddress()), s.failures(), s.successes(),
          s.accountsCapped() ? "\u2265" : "", s.accounts(), oneLine(String.join("; ", s.reasons()))));
    }
    out.write("\nDisabled accounts targeted (" + r.disabledTargeted().size() + "):\n");
    for (LegacyAuthReport.DisabledTarget d : r.disabledTargeted()) {
      out.write(String.format(Locale.ROOT, "  %-40s attempts=%d successes=%d from %s via %s%n", oneLine(d.userPrincipalName()), d.attempts(), d.successes(),
          oneLine(String.join(", ", d.ipAddresses())), oneLine(String.join(", ", d.protocols()))));
    }
    out.write("\nAll legacy usage:\n");
    for (LegacyAuthReport.Usage u : r.users()) {
      out.write(String.format(Locale.ROOT, "  %-40s %-32s ok=%d failed=%d ips=%s apps=%s%n", oneLine(u.userPrincipalName()), oneLine(u.protocol()),
          u.successes(), u.failures(), u.distinctIpsText(), oneLine(String.join(", ", u.apps()))));
    }
    out.write("\nNotes:\n");
    for (String n : r.notes()) {
      out.write("  - " + n + "\n");
    }
  }

  private static String oneLine(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ JSON

  private static void json(LegacyAuthReport r, Writer out) throws IOException {
    JsonGenerator g = JSON.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("generatedAt", r.generatedAt().toString());
    g.writeNumberField("eventsRead", r.eventsRead());
    g.writeNumberField("legacyEvents", r.legacyEvents());
    g.writeNumberField("distinctIpCap", r.distinctIpCap());
    g.writeArrayFieldStart("users");
    for (LegacyAuthReport.Usage u : r.users()) {
      g.writeStartObject();
      g.writeStringField("userPrincipalName", u.userPrincipalName());
      g.writeStringField("protocol", u.protocol());
      g.writeNumberField("successes", u.successes());
      g.writeNumberField("failures", u.failures());
      g.writeStringField("firstSeen", u.firstSeen().toString());
      g.writeStringField("lastSeen", u.lastSeen().toString());
      g.writeNumberField("distinctIps", u.distinctIps());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("suspectedSpray");
    for (LegacyAuthReport.SprayIp s : r.suspectedSpray()) {
      g.writeStartObject();
      g.writeStringField("ipAddress", s.ipAddress());
      g.writeNumberField("failures", s.failures());
      g.writeNumberField("accounts", s.accounts());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("sprayReasons");
    for (LegacyAuthReport.SprayIp s : r.suspectedSpray()) {
      g.writeStartObject();
      g.writeStringField("ipAddress", s.ipAddress());
      g.writeNumberField("successes", s.successes());
      g.writeBooleanField("accountsCapped", s.accountsCapped());
      g.writeArrayFieldStart("reasons");
      for (String reason : s.reasons()) {
        g.writeString(reason);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("wouldBreak");
    for (LegacyAuthReport.Usage u : r.wouldBreak()) {
      g.writeStartObject();
      g.writeStringField("userPrincipalName", u.userPrincipalName());
      g.writeStringField("protocol", u.protocol());
      g.writeArrayFieldStart("apps");
      for (String a : u.apps()) {
        g.writeString(a);
      }
      g.writeEndArray();
      g.writeStringField("recommendation", u.recommendation().orElse(""));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("disabledAccountsTargeted");
    for (LegacyAuthReport.DisabledTarget d : r.disabledTargeted()) {
      g.writeStartObject();
      g.writeStringField("userPrincipalName", d.userPrincipalName());
      g.writeNumberField("attempts", d.attempts());
      g.writeNumberField("successes", d.successes());
      g.writeArrayFieldStart("ipAddresses");
      for (String ip : d.ipAddresses()) {
        g.writeString(ip);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("protocols");
      for (String p : d.protocols()) {
        g.writeString(p);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("daily");
    for (Map.Entry<LocalDate, Map<ClientApp, Long>> e : r.daily().entrySet()) {
      g.writeStartObject();
      g.writeStringField("date", e.getKey().toString());
      for (Map.Entry<ClientApp, Long> c : e.getValue().entrySet()) {
        g.writeNumberField(label(c.getKey()), c.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("notes");
    for (String n : r.notes()) {
      g.writeString(n);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.write('\n');
  }

  private static String label(ClientApp c) {
    return c == ClientApp.UNKNOWN ? "Unknown" : c.logValue();
  }

  // ------------------------------------------------------------------ CSV

  private static void csv(LegacyAuthReport r, Writer out) throws IOException {
    out.write("userPrincipalName,protocol,successes,failures,firstSeen,lastSeen,distinctIps,apps,wouldBreak,recommendation\r\n");
    for (LegacyAuthReport.Usage u : r.users()) {
      out.write(cell(u.userPrincipalName()) + "," + cell(u.protocol()) + "," + u.successes() + "," + u.failures() + "," + u.firstSeen() + ","
          + u.lastSeen() + "," + cell(u.distinctIpsText()) + "," + cell(String.join("; ", u.apps())) + "," + u.wouldBreak() + ","
          + cell(u.recommendation().orElse("")) + "\r\n");
    }
  }

  /** Quotes a CSV cell when needed, and defuses spreadsheet formulas (a leading = + - @ gets a leading quote). */
  static String cell(String v) {
    String s = v;
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  // ------------------------------------------------------------------ HTML

  /** Escapes text for HTML element content and quoted attribute values. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&': sb.append("&amp;"); break;
        case '<': sb.append("&lt;"); break;
        case '>': sb.append("&gt;"); break;
        case '"': sb.append("&quot;"); break;
        case '\'': sb.append("&#39;"); break;
        default:
          if (Character.isISOControl(c) && c != '\n' && c != '\t') {
            sb.append("&#").append((int) c).append(';');
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }

  private static void html(LegacyAuthReport r, Writer out) throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Legacy authentication audit</title>\n");
    out.write("<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}.warn{color:#b00}</style></head><body>\n");
    out.write("<h1>Legacy authentication audit</h1>\n<p>" + esc(r.generatedAt().toString()) + ": " + r.eventsRead() + " sign-ins read, "
        + r.legacyEvents() + " with legacy authentication.</p>\n");
    out.write("<h2>Legacy sign-ins per day</h2>\n");
    chart(r, out);
    List<LegacyAuthReport.Usage> breaking = r.wouldBreak();
    out.write("<h2>Would break (" + breaking.size() + ")</h2>\n<table><tr><th>User</th><th>Protocol</th><th>Successes</th><th>Failures</th>"
        + "<th>Last seen</th><th>Apps</th><th>Move to</th></tr>\n");
    for (LegacyAuthReport.Usage u : breaking) {
      out.write("<tr><td>" + esc(u.userPrincipalName()) + "</td><td>" + esc(u.protocol()) + "</td><td>" + u.successes() + "</td><td>" + u.failures()
          + "</td><td>" + esc(u.lastSeen().toString()) + "</td><td>" + esc(String.join(", ", u.apps())) + "</td><td>" + esc(u.recommendation().orElse(""))
          + "</td></tr>\n");
    }
    out.write("</table>\n<h2 class=\"warn\">Suspected password spray (" + r.suspectedSpray().size() + ")</h2>\n"
        + "<table><tr><th>IP address</th><th>Failures</th><th>Successes</th><th>Accounts</th><th>Why</th></tr>\n");
    for (LegacyAuthReport.SprayIp s : r.suspectedSpray()) {
      out.write("<tr><td>" + esc(s.ipAddress()) + "</td><td>" + s.failures() + "</td><td>" + s.successes() + "</td><td>" + esc((s.accountsCapped() ? "\u2265" : "")
          + s.accounts()) + "</td><td>" + esc(String.join("; ", s.reasons())) + "</td></tr>\n");
    }
    out.write("</table>\n<h2>Disabled accounts targeted (" + r.disabledTargeted().size() + ")</h2>\n"
        + "<table><tr><th>Account</th><th>Attempts</th><th>Successes</th><th>From</th><th>Protocols</th></tr>\n");
    for (LegacyAuthReport.DisabledTarget d : r.disabledTargeted()) {
      out.write("<tr><td>" + esc(d.userPrincipalName()) + "</td><td>" + d.attempts() + "</td><td>" + d.successes() + "</td><td>"
          + esc(String.join(", ", d.ipAddresses())) + "</td><td>" + esc(String.join(", ", d.protocols())) + "</td></tr>\n");
    }
    out.write("</table>\n<h2>All legacy usage</h2>\n<table><tr><th>User</th><th>Protocol</th><th>Successes</th><th>Failures</th><th>First seen</th>"
        + "<th>Last seen</th><th>Distinct IPs</th><th>Apps</th></tr>\n");
    for (LegacyAuthReport.Usage u : r.users()) {
      out.write("<tr><td>" + esc(u.userPrincipalName()) + "</td><td>" + esc(u.protocol()) + "</td><td>" + u.successes() + "</td><td>" + u.failures()
          + "</td><td>" + esc(u.firstSeen().toString()) + "</td><td>" + esc(u.lastSeen().toString()) + "</td><td>" + esc(u.distinctIpsText())
          + "</td><td>" + esc(String.join(", ", u.apps())) + "</td></tr>\n");
    }
    out.write("</table>\n<h2>Notes</h2>\n<ul>\n");
    for (String n : r.notes()) {
      out.write("<li>" + esc(n) + "</li>\n");
    }
    out.write("</ul>\n</body></html>\n");
  }

  /** An inline SVG line chart: one line per client app, one point per day. */
  private static void chart(LegacyAuthReport r, Writer out) throws IOException {
    if (r.daily().isEmpty()) {
      out.write("<p>No legacy sign-ins.</p>\n");
      return;
    }
    List<LocalDate> days = new ArrayList<>(r.daily().keySet());
    Map<ClientApp, long[]> series = new EnumMap<>(ClientApp.class);
    long max = 1;
    for (int i = 0; i < days.size(); i++) {
      for (Map.Entry<ClientApp, Long> e : r.daily().get(days.get(i)).entrySet()) {
        long[] s = series.computeIfAbsent(e.getKey(), k -> new long[days.size()]);
        s[i] = e.getValue();
        max = Math.max(max, e.getValue());
      }
    }
    int w = 800;
    int h = 300;
    int left = 60;
    int bottom = 30;
    int plotW = w - left - 20;
    int plotH = h - bottom - 20;
    int legendH = 18 * series.size();
    out.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + (h + legendH + 10) + "\" role=\"img\" aria-label=\"Legacy sign-ins per day per protocol\">\n");
    out.write("<line x1=\"" + left + "\" y1=\"20\" x2=\"" + left + "\" y2=\"" + (20 + plotH) + "\" stroke=\"#333\"/>");
    out.write("<line x1=\"" + left + "\" y1=\"" + (20 + plotH) + "\" x2=\"" + (left + plotW) + "\" y2=\"" + (20 + plotH) + "\" stroke=\"#333\"/>\n");
    out.write("<text x=\"" + (left - 5) + "\" y=\"25\" text-anchor=\"end\" font-size=\"11\">" + max + "</text>");
    out.write("<text x=\"" + (left - 5) + "\" y=\"" + (20 + plotH) + "\" text-anchor=\"end\" font-size=\"11\">0</text>\n");
    out.write("<text x=\"" + left + "\" y=\"" + (h - 8) + "\" font-size=\"11\">" + esc(days.get(0).toString()) + "</text>");
    out.write("<text x=\"" + (left + plotW) + "\" y=\"" + (h - 8) + "\" text-anchor=\"end\" font-size=\"11\">" + esc(days.get(days.size() - 1).toString()) + "</text>\n");
    int k = 0;
    for (Map.Entry<ClientApp, long[]> e : series.entrySet()) {
      String colour = COLOURS[e.getKey().ordinal() % COLOURS.length];
      StringBuilder pts = new StringBuilder();
      long[] s = e.getValue();
      for (int i = 0; i < s.length; i++) {
        double x = left + (days.size() == 1 ? plotW / 2.0 : (double) plotW * i / (days.size() - 1));
        double y = 20 + plotH - (double) plotH * s[i] / max;
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      out.write("<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\" points=\"" + pts.toString().trim() + "\"><title>"
          + esc(label(e.getKey())) + "</title></polyline>\n");
      int ly = h + 5 + 18 * k++;
      out.write("<rect x=\"" + left + "\" y=\"" + ly + "\" width=\"12\" height=\"12\" fill=\"" + colour + "\"/><text x=\"" + (left + 18) + "\" y=\""
          + (ly + 11) + "\" font-size=\"12\">" + esc(label(e.getKey())) + "</text>\n");
    }
    out.write("</svg>\n");
  }
}
