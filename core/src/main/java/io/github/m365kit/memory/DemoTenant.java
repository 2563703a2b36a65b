package io.github.m365kit.memory;

import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the cloud side of {@link DemoCast}. */
final class DemoTenant {
  private static final long GB = 1L << 30;

  private DemoTenant() {}

  static InMemoryTenant build(SimulatedClock clock) {
    InMemoryTenant t = new InMemoryTenant(DemoCast.TENANT, clock);
    for (AdUser ad : DemoCast.adUsers()) {
      Upn upn = ad.userPrincipalName().orElseThrow();
      boolean hasMailbox = !upn.equals(DemoCast.OLD_ACCOUNT);
      boolean licensed = hasMailbox && !upn.equals(DemoCast.RECEPTION);
      t.addUser(CloudUser.builder()
          .id(new ObjectId(DemoCast.guid("aad:" + upn)))
          .userPrincipalName(upn)
          .displayName(ad.displayName().orElse(upn.localPart()))
          .mail(ad.mail())
          .accountEnabled(!ad.isDisabled())
          .onPremisesSyncEnabled(true)
          .onPremisesDistinguishedName(ad.dn().toString())
          .department(ad.department())
          .usageLocation("AU")
          .licenses(licensed ? List.of(License.OFFICE_365_E3) : List.of())
          .build());
      if (!hasMailbox) {
        continue;
      }
      long size = 2 * GB;
      MailboxType type = MailboxType.USER;
      boolean archive = false;
      boolean hold = false;
      Optional<String> ext = ad.umExtension();
      if (upn.equals(DemoCast.JANE)) {
        size = 12 * GB + 345_678_901L;
      } else if (upn.equals(DemoCast.BIG)) {
        size = 55 * GB;
        archive = true;
        hold = true;
      } else if (upn.equals(DemoCast.RECEPTION)) {
        type = MailboxType.SHARED;
      }
      t.addMailbox(Mailbox.builder()
          .primarySmtpAddress(ad.mail().orElseThrow())
          .userPrincipalName(upn)
          .alias(upn.localPart())
          .displayName(ad.displayName().orElse(upn.localPart()))
          .type(type)
          .totalItemSizeBytes(size)
          .archiveEnabled(archive)
          .litigationHoldEnabled(hold)
          .umEnabled(ext.isPresent())
          .umExtension(ext)
          .exchangeGuid(ad.mailboxGuid().orElse(DemoCast.guid("mbx:" + upn)))
          .dirSynced(true)
          .addEmailAddresses("SMTP:" + upn.value(), "smtp:" + upn.localPart() + "@" + DemoCast.ROUTING_DOMAIN)
          .build());
    }
    t.addUser(CloudUser.builder()
        .id(new ObjectId(DemoCast.guid("aad:" + DemoCast.CLOUD_ONLY)))
        .userPrincipalName(DemoCast.CLOUD_ONLY)
        .displayName("Cloud Only")
        .mail(SmtpAddress.of(DemoCast.CLOUD_ONLY.value()))
        .department("Sales")
        .usageLocation("AU")
        .addLicenses(License.OFFICE_365_E3)
        .build());
    t.addMailbox(Mailbox.builder()
        .primarySmtpAddress(SmtpAddress.of(DemoCast.CLOUD_ONLY.value()))
        .userPrincipalName(DemoCast.CLOUD_ONLY)
        .alias("cloud.only")
        .displayName("Cloud Only")
        .type(MailboxType.USER)
        .totalItemSizeBytes(3 * GB)
        .exchangeGuid(DemoCast.guid("mbx:" + DemoCast.CLOUD_ONLY))
        .addEmailAddresses("SMTP:" + DemoCast.CLOUD_ONLY.value(), "smtp:cloud.only@" + DemoCast.TENANT)
        .build());
    t.addUser(CloudUser.builder()
        .id(new ObjectId(DemoCast.guid("aad:" + DemoCast.ADMIN)))
        .userPrincipalName(DemoCast.ADMIN)
        .displayName("Tenant Admin")
        .build());
    t.addSignIns(signIns(clock.instant()));
    return t;
  }

  /** A week of sign-ins: modern use, three legacy users, and a password spray on a disabled account. */
  static List<SignInEvent> signIns(Instant now) {
    List<SignInEvent> out = new ArrayList<>();
    Instant start = now.minus(Duration.ofDays(7));
    for (int day = 0; day < 7; day++) {
      Instant d = start.plus(Duration.ofDays(day));
      out.add(ev(d.plusSeconds(3600 * 9), DemoCast.JANE, "Browser", 0, "", "198.51.100.10", "Office 365 Exchange Online"));
      out.add(ev(d.plusSeconds(3600 * 9 + 60), DemoCast.JANE, "Mobile Apps and Desktop clients", 0, "", "198.51.100.10", "Microsoft Office"));
      out.add(ev(d.plusSeconds(3600 * 8), DemoCast.LEGACY.get(0), "IMAP4", 0, "", "198.51.100.20", "Office 365 Exchange Online"));
      out.add(ev(d.plusSeconds(3600 * 10), DemoCast.LEGACY.get(1), "POP3", 0, "", "198.51.100.21", "Office 365 Exchange Online"));
      out.add(ev(d.plusSeconds(3600 * 11), DemoCast.LEGACY.get(2), "Authenticated SMTP", 0, "", "10.0.0.50", "Office 365 Exchange Online"));
      // the spray: a few IPs, many accounts, only failures, including the disabled account
      String[] ips = {"203.0.113.7", "203.0.113.8"};
      for (String ip : ips) {
        out.add(ev(d.plusSeconds(3600 * 3), DemoCast.OLD_ACCOUNT, "IMAP4", 50057, "User account is disabled.", ip, "Office 365 Exchange Online"));
        for (Upn u : DemoCast.EXTRAS) {
          out.add(ev(d.plusSeconds(3600 * 3 + 30), u, "IMAP4", 50126, "Invalid username or password.", ip, "Office 365 Exchange Online"));
        }
      }
    }
    return out;
  }

  private static SignInEvent ev(Instant at, Upn user, String app, int error, String reason, String ip, String appName) {
    return new SignInEvent(at, user.value(), DemoCast.guid("aad:" + user).toString(), app, error, reason, ip, appName, true);
  }
}
