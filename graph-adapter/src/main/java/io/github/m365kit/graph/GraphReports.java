package io.github.m365kit.graph;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import io.github.m365kit.BackendException;
import io.github.m365kit.io.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Microsoft 365 usage reports on Graph v1.0, starting with mailbox usage ({@code GET
 * /reports/getMailboxUsageDetail(period='D7')}, which answers 302 to a CSV file; the SDK's redirect handler follows
 * it). Needs Reports.Read.All. The CSV is parsed as it streams, so a large tenant's report is never held in memory
 * by {@link #forEachMailboxUsage}.
 *
 * <pre>{@code
 * for (MailboxUsage big : cloud.reports().overSharedMailboxCap(ReportPeriod.D7)) {
 *   System.out.println(big.userPrincipalName() + " " + big.storageUsedBytes());
 * }
 * }</pre>
 *
 * <p>Columns are found by header name, in any order; "User Principal Name" and "Storage Used (Byte)" are required
 * (the latter is documented), the other names follow the documentation's sample and are unconfirmed against a live
 * tenant, so a missing one reads as blank. The CSV report is throttled hard (14 requests per 10 minutes per app and
 * tenant): call it once and reuse the rows. Thread-safe.
 */
public final class GraphReports {
  /**
   * The storage cap of a shared mailbox without a license: 50 GB (taken as 50 GiB). This is CIPP's claim, which
   * warns from 49 GiB; unconfirmed against Microsoft's documentation.
   */
  public static final long SHARED_MAILBOX_CAP_BYTES = 50L * 1024 * 1024 * 1024;

  private final GraphServiceClient graph;

  GraphReports(GraphServiceClient graph) {
    this.graph = Objects.requireNonNull(graph, "graph == null");
  }

  static HashMap<String, ParsableFactory<? extends Parsable>> errorMappings() {
    HashMap<String, ParsableFactory<? extends Parsable>> m = new HashMap<>();
    m.put("XXX", ODataError::createFromDiscriminatorValue);
    return m;
  }

  /**
   * Streams the mailbox usage report, one row at a time.
   *
   * @param period the report period
   * @param visitor called for each mailbox
   * @throws io.github.m365kit.AccessDeniedException without Reports.Read.All
   * @throws io.github.m365kit.ThrottledException when the report's tight limit is spent
   */
  public void forEachMailboxUsage(ReportPeriod period, Consumer<MailboxUsage> visitor) {
    Objects.requireNonNull(period, "period == null");
    Objects.requireNonNull(visitor, "visitor == null");
    String op = "GET /reports/getMailboxUsageDetail(period='" + period + "')";
    InputStream in;
    try {
      in = graph.reports().getMailboxUsageDetailWithPeriod(period.name()).get();
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "report", "getMailboxUsageDetail");
    }
    if (in == null) {
      return;
    }
    try (in) {
      read(in, visitor, op);
    } catch (IOException e) {
      throw GraphErrors.graph(new UncheckedIOException(e), op, "report", "getMailboxUsageDetail");
    }
  }

  /**
   * @param period the report period
   * @return every row of the mailbox usage report
   */
  public List<MailboxUsage> mailboxUsage(ReportPeriod period) {
    List<MailboxUsage> rows = new ArrayList<>();
    forEachMailboxUsage(period, rows::add);
    return rows;
  }

  /**
   * A preflight for converting mailboxes to shared and removing their licenses: the mailboxes whose storage is over
   * {@link #SHARED_MAILBOX_CAP_BYTES}, which would need to keep a license.
   *
   * @param period the report period
   * @return the rows over the cap, largest first
   */
  public List<MailboxUsage> overSharedMailboxCap(ReportPeriod period) {
    List<MailboxUsage> rows = new ArrayList<>();
    forEachMailboxUsage(period, r -> {
      if (r.storageUsedBytes() > SHARED_MAILBOX_CAP_BYTES) {
        rows.add(r);
      }
    });
    rows.sort((a, b) -> Long.compare(b.storageUsedBytes(), a.storageUsedBytes()));
    return rows;
  }

  static void read(InputStream in, Consumer<MailboxUsage> visitor, String op) throws IOException {
    CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<String> header = new ArrayList<>();
    if (!csv.next(header)) {
      return;
    }
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      col.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    if (!col.containsKey("user principal name") || !col.containsKey("storage used (byte)")) {
      throw new BackendException("graph", "report", op + " returned a CSV without the columns \"User Principal Name\" and"
          + " \"Storage Used (Byte)\": " + header, null);
    }
    List<String> f = new ArrayList<>();
    while (csv.next(f)) {
      if (f.size() == 1 && f.get(0).isEmpty()) {
        continue; // a blank line
      }
      visitor.accept(new MailboxUsage(
          date(get(f, col, "report refresh date")),
          get(f, col, "user principal name"),
          get(f, col, "display name"),
          number(get(f, col, "storage used (byte)"), op).orElse(0),
          number(get(f, col, "item count"), op).orElse(0),
          "true".equalsIgnoreCase(get(f, col, "has archive")),
          number(get(f, col, "issue warning quota (byte)"), op),
          number(get(f, col, "prohibit send quota (byte)"), op),
          number(get(f, col, "prohibit send/receive quota (byte)"), op),
          Optional.of(get(f, col, "recipient type")).filter(s -> !s.isEmpty())));
    }
  }

  private static String get(List<String> fields, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= fields.size() ? "" : fields.get(i).trim();
  }

  private static OptionalLong number(String s, String op) {
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new BackendException("graph", "report", op + " returned a non-numeric value: " + s, e);
    }
  }

  private static Optional<LocalDate> date(String s) {
    try {
      return s.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
