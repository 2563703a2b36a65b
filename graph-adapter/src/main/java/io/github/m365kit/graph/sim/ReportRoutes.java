package io.github.m365kit.graph.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.m365kit.graph.sim.GraphSimulator.Call;
import io.github.m365kit.graph.sim.GraphSimulator.Reply;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxPurpose;
import io.github.m365kit.model.MailboxType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mailboxSettings} and the mailbox usage report. The CSV has the documented "Storage Used (Byte)" column and
 * the other columns of the documentation's sample (names unconfirmed against a live tenant); item counts are not
 * modelled by the tenant and read 0. Quotas: 50 GiB for shared, room and equipment mailboxes, 100 GiB for user
 * mailboxes (the simulator's choice). Each report is served once from a random download path, then forgotten.
 */
final class ReportRoutes {
  static final String DOWNLOAD = "/reports-download/";
  private static final Pattern USAGE = Pattern.compile("^getMailboxUsageDetail\\(period='([^']*)'\\)$");
  private static final long GIB = 1024L * 1024 * 1024;

  private final InMemoryTenant tenant;
  private final GraphSimulator sim;
  private final Map<String, String> files = new ConcurrentHashMap<>();

  ReportRoutes(InMemoryTenant tenant, GraphSimulator sim) {
    this.tenant = tenant;
    this.sim = sim;
  }

  static Reply mailboxSettings(InMemoryTenant tenant, GraphSimulator sim, CloudUser user, Call c) {
    MailboxPurpose purpose = tenant.mailboxPurpose(user.userPrincipalName()).orElse(null);
    if (purpose == null) {
      return new Reply(404, GraphSimulator.errorBody("MailboxNotEnabledForRESTAPI",
          "The mailbox is either inactive, soft-deleted, or is hosted on-premise."), Map.of());
    }
    ObjectNode n = GraphSimulator.JSON.createObjectNode();
    n.put("@odata.context", sim.root() + "/v1.0/$metadata#users('" + user.id() + "')/mailboxSettings(userPurpose)");
    n.put("userPurpose", purpose.value());
    return Reply.ok(n);
  }

  Reply mailboxUsage(String function) {
    Matcher m = USAGE.matcher(function);
    if (!m.matches()) {
      return new Reply(400, GraphSimulator.errorBody("BadRequest",
          "Resource not found for the segment '" + function + "' (the simulator serves getMailboxUsageDetail only)."), Map.of());
    }
    String period = m.group(1);
    if (!period.matches("D(7|30|90|180)")) {
      return new Reply(400, GraphSimulator.errorBody("BadRequest", "Invalid value for period: " + period), Map.of());
    }
    String id = UUID.randomUUID() + ".csv";
    files.put(id, csv(period));
    return new Reply(302, null, Map.of("Location", sim.root() + DOWNLOAD + id));
  }

  Reply download(String rawPath) {
    String csv = files.remove(rawPath.substring(DOWNLOAD.length()));
    if (csv == null) {
      return new Reply(404, GraphSimulator.errorBody("NotFound", "The report link expired."), Map.of());
    }
    return new Reply(200, TextNode.valueOf(csv), Map.of("Content-Type", "application/octet-stream"));
  }

  private String csv(String period) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    sb.append("Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Created Date,Last Activity Date,"
        + "Item Count,Storage Used (Byte),Issue Warning Quota (Byte),Prohibit Send Quota (Byte),"
        + "Prohibit Send/Receive Quota (Byte),Deleted Item Count,Deleted Item Size (Byte),Deleted Item Quota (Byte),"
        + "Has Archive,Recipient Type,Report Period\r\n");
    String refreshed = LocalDate.ofInstant(tenant.clock().instant(), ZoneOffset.UTC).minusDays(2).toString();
    for (Mailbox mb : tenant.mailboxes()) {
      long quota = (mb.type() == MailboxType.USER ? 100 : 50) * GIB;
      sb.append(refreshed).append(',')
          .append(quote(mb.userPrincipalName().value())).append(',')
          .append(quote(mb.displayName())).append(",False,,,,")
          .append(0).append(',')
          .append(mb.totalItemSizeBytes()).append(',')
          .append(quota - GIB).append(',')
          .append(quota - GIB / 2).append(',')
          .append(quota).append(",0,0,").append(30 * GIB).append(',')
          .append(mb.archiveEnabled() ? "True" : "False").append(',')
          .append(recipientType(mb.type())).append(',')
          .append(period.substring(1)).append("\r\n");
    }
    return sb.toString();
  }

  private static String recipientType(MailboxType type) {
    String n = type.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
