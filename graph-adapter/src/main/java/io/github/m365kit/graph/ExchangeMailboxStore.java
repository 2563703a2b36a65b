package io.github.m365kit.graph;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.model.ImmutableMailbox;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.MailboxStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MailboxStore} on the Exchange admin REST {@code InvokeCommand} endpoint (see {@link ExchangeRestClient} for
 * its support status). Each call is anchored on the mailbox ({@code X-AnchorMailbox: UPN:…}).
 *
 * <p>Reads are {@code Get-Mailbox} plus {@code Get-MailboxStatistics} (for {@code TotalItemSize}, read from its
 * "… (1,234 bytes)" form or as a number). The UM extension is taken from the {@code EUM:} proxy address.
 * {@code Get-MailboxPermission} does not report AutoMapping, so {@link #fullAccess} reports every grant with
 * {@code autoMapping=false}. Needs Exchange.ManageAsApp plus an Exchange Administrator (or Recipient Management)
 * role. Thread-safe.
 */
final class ExchangeMailboxStore implements MailboxStore {
  private static final Logger log = LoggerFactory.getLogger(ExchangeMailboxStore.class);
  private static final Pattern BYTES = Pattern.compile("\\(([0-9][0-9,.\\s]*) bytes\\)");

  private final ExchangeRestClient exo;

  ExchangeMailboxStore(ExchangeRestClient exo) {
    this.exo = Objects.requireNonNull(exo, "exo == null");
  }

  @Override
  public Optional<Mailbox> find(SmtpAddress address) {
    Objects.requireNonNull(address, "address == null");
    return lookup(address.value());
  }

  @Override
  public Optional<Mailbox> findByUpn(Upn upn) {
    Objects.requireNonNull(upn, "upn == null");
    return lookup(upn.value());
  }

  private Optional<Mailbox> lookup(String identity) {
    List<JsonObject> found;
    try {
      found = exo.invoke("Get-Mailbox", Map.of("Identity", identity), ExchangeRestClient.userAnchor(identity), "mailbox", identity);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    JsonObject m = found.get(0);
    long size = 0;
    try {
      List<JsonObject> stats = exo.invoke("Get-MailboxStatistics", Map.of("Identity", identity),
          ExchangeRestClient.userAnchor(identity), "mailbox", identity);
      if (!stats.isEmpty()) {
        size = bytes(GraphErrors.member(stats.get(0), "TotalItemSize"));
      }
    } catch (NotFoundException e) {
      // A mailbox that was never logged on to has no statistics yet: size 0.
      log.debug("No mailbox statistics [identity={}]", identity);
    }
    return Optional.of(toMailbox(m, size));
  }

  @Override
  public void setType(SmtpAddress address, MailboxType type) {
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(type, "type == null");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Identity", address.value());
    p.put("Type", type.cmdletType());
    exo.invoke("Set-Mailbox", p, ExchangeRestClient.userAnchor(address.value()), "mailbox", address.value());
    log.debug("Set mailbox type [mailbox={}, type={}]", address, type);
  }

  @Override
  public void disableUnifiedMessaging(SmtpAddress address) {
    Objects.requireNonNull(address, "address == null");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Identity", address.value());
    p.put("Confirm", false);
    exo.invoke("Disable-UMMailbox", p, ExchangeRestClient.userAnchor(address.value()), "mailbox", address.value());
    log.debug("Disabled Unified Messaging [mailbox={}]", address);
  }

  @Override
  public List<MailboxPermission> fullAccess(SmtpAddress address) {
    Objects.requireNonNull(address, "address == null");
    List<MailboxPermission> grants = new ArrayList<>();
    for (JsonObject o : exo.invoke("Get-MailboxPermission", Map.of("Identity", address.value()),
        ExchangeRestClient.userAnchor(address.value()), "mailbox", address.value())) {
      if (bool(o, "IsInherited") || bool(o, "Deny") || !hasFullAccess(GraphErrors.member(o, "AccessRights"))) {
        continue;
      }
      String user = string(o, "User");
      try {
        grants.add(new MailboxPermission(Upn.of(user), false));
      } catch (InvalidInputException notAUser) {
        // NT AUTHORITY\SELF and other security principals are not trustees m365kit manages.
        log.trace("Skipped a non-user trustee [mailbox={}, user={}]", address, user);
      }
    }
    return List.copyOf(grants);
  }

  @Override
  public void grantFullAccess(SmtpAddress address, Upn trustee, boolean autoMapping) {
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(trustee, "trustee == null");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Identity", address.value());
    p.put("User", trustee.value());
    p.put("AccessRights", List.of("FullAccess"));
    p.put("InheritanceType", "All");
    p.put("AutoMapping", autoMapping);
    try {
      exo.invoke("Add-MailboxPermission", p, ExchangeRestClient.userAnchor(address.value()), "mailbox", address.value());
    } catch (NotFoundException e) {
      // Exchange names the object it could not find; an unknown trustee is a missing user, not a missing mailbox.
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("'" + trustee.value().toLowerCase(Locale.ROOT) + "'")
          && !message.contains("'" + address.value().toLowerCase(Locale.ROOT) + "'")) {
        throw new NotFoundException("user", trustee.value(), e.getMessage());
      }
      throw e;
    }
    log.debug("Granted FullAccess [mailbox={}, trustee={}, autoMapping={}]", address, trustee, autoMapping);
  }

  @Override
  public void revokeFullAccess(SmtpAddress address, Upn trustee) {
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(trustee, "trustee == null");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Identity", address.value());
    p.put("User", trustee.value());
    p.put("AccessRights", List.of("FullAccess"));
    p.put("InheritanceType", "All");
    p.put("Confirm", false);
    exo.invoke("Remove-MailboxPermission", p, ExchangeRestClient.userAnchor(address.value()), "mailbox", address.value());
    log.debug("Revoked FullAccess [mailbox={}, trustee={}]", address, trustee);
  }

  static Mailbox toMailbox(JsonObject m, long size) {
    String details = string(m, "RecipientTypeDetails");
    ImmutableMailbox.Builder b = Mailbox.builder()
        .primarySmtpAddress(SmtpAddress.of(string(m, "PrimarySmtpAddress")))
        .userPrincipalName(Upn.of(string(m, "UserPrincipalName")))
        .alias(string(m, "Alias"))
        .type(type(details))
        .totalItemSizeBytes(size)
        .archiveEnabled("Active".equalsIgnoreCase(string(m, "ArchiveStatus")))
        .litigationHoldEnabled(bool(m, "LitigationHoldEnabled"))
        .umEnabled(bool(m, "UMEnabled"))
        .dirSynced(bool(m, "IsDirSynced"))
        .exchangeGuid(guid(string(m, "ExchangeGuid")));
    String display = string(m, "DisplayName");
    if (!display.isEmpty()) {
      b.displayName(display);
    }
    for (String hold : strings(GraphErrors.member(m, "InPlaceHolds"))) {
      b.addInPlaceHolds(hold);
    }
    for (String proxy : strings(GraphErrors.member(m, "EmailAddresses"))) {
      b.addEmailAddresses(proxy);
      if (proxy.regionMatches(true, 0, "EUM:", 0, 4)) {
        int semi = proxy.indexOf(';');
        b.umExtension(semi < 0 ? proxy.substring(4) : proxy.substring(4, semi));
      }
    }
    return b.build();
  }

  static MailboxType type(String recipientTypeDetails) {
    return switch (recipientTypeDetails.toLowerCase(Locale.ROOT)) {
      case "sharedmailbox" -> MailboxType.SHARED;
      case "roommailbox" -> MailboxType.ROOM;
      case "equipmentmailbox" -> MailboxType.EQUIPMENT;
      default -> MailboxType.USER;
    };
  }

  /** Reads TotalItemSize: "1.5 GB (1,610,612,736 bytes)", a number, or an object with a Value. */
  static long bytes(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return 0L;
    }
    if (e.isJsonObject()) {
      return bytes(GraphErrors.member(e.getAsJsonObject(), "Value"));
    }
    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
      return e.getAsLong();
    }
    String s = e.getAsString();
    Matcher m = BYTES.matcher(s);
    String digits = m.find() ? m.group(1) : s;
    digits = digits.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? 0L : Long.parseLong(digits);
  }

  private static boolean hasFullAccess(JsonElement rights) {
    for (String r : strings(rights)) {
      for (String part : r.split(",")) {
        if (part.trim().equalsIgnoreCase("FullAccess")) {
          return true;
        }
      }
    }
    return false;
  }

  static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e instanceof JsonArray a) {
      for (JsonElement x : a) {
        if (x.isJsonPrimitive()) {
          out.add(x.getAsString());
        }
      }
    } else if (e != null && e.isJsonPrimitive()) {
      out.add(e.getAsString());
    }
    return out;
  }

  static String string(JsonObject o, String name) {
    JsonElement e = GraphErrors.member(o, name);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? "" : e.getAsString();
  }

  static boolean bool(JsonObject o, String name) {
    JsonElement e = GraphErrors.member(o, name);
    return e != null && e.isJsonPrimitive() && (e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : "true".equalsIgnoreCase(e.getAsString()));
  }

  private static UUID guid(String s) {
    try {
      return s.isEmpty() ? new UUID(0, 0) : UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return new UUID(0, 0);
    }
  }
}
