package io.github.m365kit.auth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Folds sign-in events into the audit's tables in memory bounded by users × protocols plus IPs (each IP and account
 * set is capped). Not thread-safe: one per audit.
 */
final class AuditAggregator implements Consumer<SignInEvent> {
  private static final int MAX_APPS = 5;
  private static final ClientApp[] APPS = ClientApp.values();
  private static final Map<String, ClientApp> BY_VALUE = new HashMap<>();

  static {
    for (ClientApp c : APPS) {
      if (c != ClientApp.UNKNOWN) {
        BY_VALUE.put(c.logValue(), c);
        BY_VALUE.put(c.logValue().toLowerCase(Locale.ROOT), c);
      }
    }
  }

  private final LegacyAuthAudit audit;
  private final Map<String, UserAgg> users = new HashMap<>();
  private final Map<String, IpAgg> ips = new HashMap<>();
  private final Map<Long, long[]> daily = new HashMap<>();
  private final Set<String> disabled;
  private long eventsRead;
  private long legacyEvents;
  private boolean ipTableFull;

  AuditAggregator(LegacyAuthAudit audit) {
    this.audit = audit;
    this.disabled = new HashSet<>();
    for (String d : audit.disabledUsers()) {
      disabled.add(d.toLowerCase(Locale.ROOT));
    }
  }

  static ClientApp classify(String clientAppUsed) {
    ClientApp c = BY_VALUE.get(clientAppUsed);
    return c != null ? c : ClientApp.of(clientAppUsed);
  }

  private static final class ProtoAgg {
    final String protocol;
    long successes;
    long failures;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    final Set<String> ips = new HashSet<>();
    boolean ipsCapped;
    final String[] apps = new String[MAX_APPS];
    int appCount;

    ProtoAgg(String protocol) {
      this.protocol = protocol;
    }

    /** Remembers an application name; a linear scan of at most {@code MAX_APPS} beats hashing a fresh string per event. */
    void app(String name) {
      for (int i = 0; i < appCount; i++) {
        if (apps[i].equals(name)) {
          return;
        }
      }
      if (appCount < MAX_APPS) {
        apps[appCount++] = name;
      }
    }
  }

  private static final class UserAgg {
    final String upn;
    final List<ProtoAgg> protocols = new ArrayList<>(2);
    final ProtoAgg[] known = new ProtoAgg[APPS.length];

    UserAgg(String upn) {
      this.upn = upn;
    }

    ProtoAgg get(ClientApp app, String protocol) {
      if (app != ClientApp.UNKNOWN) {
        ProtoAgg p = known[app.ordinal()];
        if (p == null) {
          p = new ProtoAgg(protocol);
          known[app.ordinal()] = p;
          protocols.add(p);
        }
        return p;
      }
      for (ProtoAgg p : protocols) {
        if (p.protocol.equals(protocol)) {
          return p;
        }
      }
      ProtoAgg p = new ProtoAgg(protocol);
      protocols.add(p);
      return p;
    }
  }

  private static final class IpAgg {
    final String ip;
    long failures;
    long successes;
    final Set<String> accounts = new HashSet<>();
    boolean accountsCapped;
    final Set<String> disabledHit = new TreeSet<>();

    IpAgg(String ip) {
      this.ip = ip;
    }
  }

  @Override
  public void accept(SignInEvent e) {
    eventsRead++;
    ClientApp app = classify(e.clientAppUsed());
    if (!app.legacy()) {
      return;
    }
    long millis = e.createdDateTime().toEpochMilli();
    if (millis < audit.sinceMillis()) {
      return;
    }
    legacyEvents++;
    String protocol = app == ClientApp.UNKNOWN ? (e.clientAppUsed().isBlank() ? "(none)" : e.clientAppUsed().trim()) : app.logValue();
    String upnRaw = e.userPrincipalName();
    String upn = upnRaw.isEmpty() ? "(unknown)" : upnRaw.toLowerCase(Locale.ROOT);
    UserAgg u = users.get(upn);
    if (u == null) {
      u = new UserAgg(upn);
      users.put(upn, u);
    }
    ProtoAgg p = u.get(app, protocol);
    boolean ok = e.succeeded();
    if (ok) {
      p.successes++;
    } else {
      p.failures++;
    }
    if (millis < p.first) {
      p.first = millis;
    }
    if (millis > p.last) {
      p.last = millis;
    }
    String ipText = e.ipAddress();
    if (!ipText.isEmpty()) {
      IpAgg ip = ips.get(ipText);
      if (ip == null && !ipTableFull) {
        if (ips.size() >= audit.maxTrackedIps()) {
          ipTableFull = true;
        } else {
          ip = new IpAgg(ipText);
          ips.put(ipText, ip);
        }
      }
      String ipKey = ip != null ? ip.ip : ipText;
      if (!p.ipsCapped && !p.ips.contains(ipKey)) {
        if (p.ips.size() >= audit.distinctIpCap()) {
          p.ipsCapped = true;
        } else {
          p.ips.add(ipKey);
        }
      }
      if (ip != null) {
        if (ok) {
          ip.successes++;
        } else {
          ip.failures++;
        }
        if (!ip.accountsCapped && !ip.accounts.contains(u.upn)) {
          if (ip.accounts.size() >= audit.accountCap()) {
            ip.accountsCapped = true;
          } else {
            ip.accounts.add(u.upn);
          }
        }
        if (disabled.contains(upn) && ip.disabledHit.size() < audit.accountCap()) {
          ip.disabledHit.add(u.upn);
        }
      }
    }
    String appName = e.appDisplayName();
    if (!appName.isEmpty()) {
      p.app(appName);
    }
    long day = Math.floorDiv(millis, 86_400_000L);
    long[] counts = daily.get(day);
    if (counts == null) {
      counts = new long[APPS.length];
      daily.put(day, counts);
    }
    counts[app.ordinal()]++;
  }

  LegacyAuthReport report(Instant generatedAt) {
    List<LegacyAuthReport.Usage> usages = new ArrayList<>();
    List<String> upns = new ArrayList<>(users.keySet());
    upns.sort(null);
    List<LegacyAuthReport.DisabledTarget> disabledTargets = new ArrayList<>();
    for (String upn : upns) {
      UserAgg u = users.get(upn);
      u.protocols.sort(Comparator.comparing(p -> p.protocol));
      long attempts = 0;
      long successes = 0;
      Set<String> dIps = new TreeSet<>();
      List<String> dProtocols = new ArrayList<>();
      for (ProtoAgg p : u.protocols) {
        List<String> apps = new ArrayList<>(java.util.Arrays.asList(p.apps).subList(0, p.appCount));
        apps.sort(null);
        usages.add(new LegacyAuthReport.Usage(upn, p.protocol, p.successes, p.failures, Instant.ofEpochMilli(p.first),
            Instant.ofEpochMilli(p.last), p.ips.size(), p.ipsCapped, apps));
        attempts += p.successes + p.failures;
        successes += p.successes;
        for (String ip : p.ips) {
          if (dIps.size() < audit.distinctIpCap()) {
            dIps.add(ip);
          }
        }
        dProtocols.add(p.protocol);
      }
      if (disabled.contains(upn)) {
        disabledTargets.add(new LegacyAuthReport.DisabledTarget(upn, attempts, successes, new ArrayList<>(dIps), dProtocols));
      }
    }
    List<LegacyAuthReport.SprayIp> spray = new ArrayList<>();
    for (IpAgg ip : ips.values()) {
      List<String> reasons = new ArrayList<>();
      int accounts = ip.accounts.size();
      long total = ip.failures + ip.successes;
      if (accounts >= audit.sprayMinAccounts() && ip.successes == 0) {
        reasons.add("only failed legacy sign-ins, across " + accounts + (ip.accountsCapped ? "+" : "") + " accounts");
      } else if (accounts >= audit.sprayMinAccounts() && ip.failures >= audit.sprayFailureShare() * total) {
        reasons.add(String.format(Locale.ROOT, "one IP against %d%s accounts with %.0f%% failures; %d succeeded: check those accounts for compromise",
            accounts, ip.accountsCapped ? "+" : "", 100.0 * ip.failures / total, ip.successes));
      }
      if (!ip.disabledHit.isEmpty() && ip.failures > 0) {
        reasons.add("targeted disabled account(s) " + String.join(", ", ip.disabledHit));
      }
      if (!reasons.isEmpty()) {
        spray.add(new LegacyAuthReport.SprayIp(ip.ip, ip.failures, ip.successes, accounts, ip.accountsCapped, reasons));
      }
    }
    spray.sort(Comparator.comparingInt(LegacyAuthReport.SprayIp::accounts).reversed()
        .thenComparing(Comparator.comparingLong(LegacyAuthReport.SprayIp::failures).reversed())
        .thenComparing(LegacyAuthReport.SprayIp::ipAddress));
    TreeMap<LocalDate, Map<ClientApp, Long>> perDay = new TreeMap<>();
    daily.forEach((day, counts) -> {
      Map<ClientApp, Long> m = new EnumMap<>(ClientApp.class);
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          m.put(APPS[i], counts[i]);
        }
      }
      perDay.put(LocalDate.ofEpochDay(day), m);
    });
    List<String> notes = new ArrayList<>();
    notes.add(SmtpAuthRetirement.status(LocalDate.ofInstant(generatedAt, java.time.ZoneOffset.UTC)));
    if (!spray.isEmpty()) {
      Set<String> hit = new HashSet<>();
      for (LegacyAuthReport.SprayIp s : spray) {
        IpAgg ip = ips.get(s.ipAddress());
        hit.addAll(ip.accounts);
      }
      notes.add(spray.size() + " suspected spray IP(s) tried " + hit.size() + " account(s); blocking legacy authentication stops these attempts.");
    }
    if (ipTableFull) {
      notes.add("More than " + audit.maxTrackedIps() + " distinct IPs: IPs beyond that were not tracked for spray detection.");
    }
    return new LegacyAuthReport(generatedAt, eventsRead, legacyEvents, audit.distinctIpCap(), usages, spray, disabledTargets, perDay, notes);
  }
}
