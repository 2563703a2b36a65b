package io.github.m365kit.memory;

import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo cast shared by {@link InMemoryTenant#demo()} and {@link InMemoryOnPremDirectory#demo()}: tenant
 * {@code contoso.onmicrosoft.com}, AD domain {@code contoso.com}. Docs, tests and scripts rely on these names.
 */
public final class DemoCast {
  /** The AD domain root. */
  public static final DistinguishedName BASE_DN = DistinguishedName.of("DC=contoso,DC=com");
  /** Where staff accounts live. */
  public static final DistinguishedName STAFF_OU = DistinguishedName.of("OU=Staff,DC=contoso,DC=com");
  /** Where departed accounts are moved. */
  public static final DistinguishedName DEPARTED_OU = DistinguishedName.of("OU=Departed,DC=contoso,DC=com");
  /** The tenant's initial domain. */
  public static final String TENANT = "contoso.onmicrosoft.com";
  /** The hybrid routing domain. */
  public static final String ROUTING_DOMAIN = "contoso.mail.onmicrosoft.com";
  /** The UM dial plan of the demo. */
  public static final String DIAL_PLAN = "ContosoDialPlan.contoso.com";

  /** A departing, synced user with a migrated user mailbox (~12 GB), licensed, UM off. */
  public static final Upn JANE = Upn.of("jane.doe@contoso.com");
  /** Already converted to shared, still UM-enabled with extension 4123: the UM trap. */
  public static final Upn RECEPTION = Upn.of("reception@contoso.com");
  /** A synced 55 GB user mailbox on Litigation Hold with an archive. */
  public static final Upn BIG = Upn.of("big.mailbox@contoso.com");
  /** A synced user whose mailbox was created in the cloud first: no on-prem remote-mailbox record. */
  public static final Upn CLOUD_FIRST = Upn.of("cloud.first@contoso.com");
  /** A cloud-only user. */
  public static final Upn CLOUD_ONLY = Upn.of("cloud.only@contoso.com");
  /** An unlicensed cloud admin without a mailbox. */
  public static final Upn ADMIN = Upn.of("admin@contoso.onmicrosoft.com");
  /** A disabled AD account targeted by a password spray. */
  public static final Upn OLD_ACCOUNT = Upn.of("old.account@contoso.com");
  /** Finance staff. */
  public static final List<Upn> FINANCE = List.of(Upn.of("fiona.finance@contoso.com"), Upn.of("frank.ledger@contoso.com"), Upn.of("fatima.audit@contoso.com"));
  /** The seed's four extra people. */
  public static final List<Upn> EXTRAS = List.of(Upn.of("user1@contoso.com"), Upn.of("user2@contoso.com"), Upn.of("user3@contoso.com"), Upn.of("user4@contoso.com"));
  /** Users still signing in with IMAP4, POP3 and Authenticated SMTP. */
  public static final List<Upn> LEGACY = List.of(Upn.of("imap.user@contoso.com"), Upn.of("pop.user@contoso.com"), Upn.of("scanner@contoso.com"));

  private DemoCast() {}

  /**
   * A stable GUID per name, so the demo is the same on every run.
   *
   * @param name any name
   * @return a name-based GUID
   */
  public static UUID guid(String name) {
    return UUID.nameUUIDFromBytes(("m365kit-demo:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static List<AdUser> adUsers() {
    List<AdUser> out = new ArrayList<>();
    out.add(remote("Jane Doe", "jdoe", JANE, RemoteRecipientType.MIGRATED, RecipientTypeDetails.REMOTE_USER_MAILBOX, "Sales", List.of(), false));
    out.add(remote("Reception", "reception", RECEPTION, RemoteRecipientType.MIGRATED_SHARED, RecipientTypeDetails.REMOTE_SHARED_MAILBOX, "Front Office",
        List.of("EUM:4123;phone-context=" + DIAL_PLAN), true));
    out.add(remote("Big Mailbox", "bigmbx", BIG, RemoteRecipientType.of(6L), RecipientTypeDetails.REMOTE_USER_MAILBOX, "Legal", List.of(), false));
    out.add(AdUser.builder()
        .dn(STAFF_OU.child("CN", "Cloud First"))
        .samAccountName(SamAccountName.of("cfirst"))
        .userPrincipalName(CLOUD_FIRST)
        .mail(SmtpAddress.of(CLOUD_FIRST.value()))
        .displayName("Cloud First")
        .department("Marketing")
        .addProxyAddresses("SMTP:" + CLOUD_FIRST.value())
        .objectGuid(guid("ad:" + CLOUD_FIRST))
        .build());
    String[] financeNames = {"Fiona Finance", "Frank Ledger", "Fatima Audit"};
    for (int i = 0; i < FINANCE.size(); i++) {
      out.add(remote(financeNames[i], "fin" + (i + 1), FINANCE.get(i), RemoteRecipientType.MIGRATED, RecipientTypeDetails.REMOTE_USER_MAILBOX, "Finance", List.of(), false));
    }
    String[] extraDepartments = {"Sales", "Marketing", "Engineering", "Operations"};
    for (int i = 0; i < EXTRAS.size(); i++) {
      out.add(remote("User " + (i + 1), "user" + (i + 1), EXTRAS.get(i), RemoteRecipientType.PROVISION_MAILBOX, RecipientTypeDetails.REMOTE_USER_MAILBOX,
          extraDepartments[i], List.of(), false));
    }
    String[] legacyNames = {"Imap User", "Pop User", "Scanner"};
    for (int i = 0; i < LEGACY.size(); i++) {
      out.add(remote(legacyNames[i], "legacy" + (i + 1), LEGACY.get(i), RemoteRecipientType.PROVISION_MAILBOX, RecipientTypeDetails.REMOTE_USER_MAILBOX,
          "Operations", List.of(), false));
    }
    out.add(AdUser.builder()
        .dn(STAFF_OU.child("CN", "Old Account"))
        .samAccountName(SamAccountName.of("oldacct"))
        .userPrincipalName(OLD_ACCOUNT)
        .displayName("Old Account")
        .userAccountControl(AdUser.NORMAL_ACCOUNT | AdUser.ACCOUNTDISABLE)
        .objectGuid(guid("ad:" + OLD_ACCOUNT))
        .build());
    return out;
  }

  private static AdUser remote(String name, String sam, Upn upn, RemoteRecipientType remote, RecipientTypeDetails details, String department,
      List<String> extraProxies, boolean um) {
    String alias = upn.localPart();
    return AdUser.builder()
          .dn(STAFF_OU.child("CN", name))
          .samAccountName(SamAccountName.of(sam))
          .userPrincipalName(upn)
          .mail(SmtpAddress.of(upn.value()))
          .displayName(name)
          .department(department)
          .addProxyAddresses("SMTP:" + upn.value(), "smtp:" + alias + "@" + ROUTING_DOMAIN)
          .addAllProxyAddresses(extraProxies)
          .targetAddress("SMTP:" + alias + "@" + ROUTING_DOMAIN)
          .mailNickname(alias)
          .remoteRecipientType(remote)
          .recipientTypeDetails(details)
          .recipientDisplayType(RecipientDisplayType.SYNCED_MAILBOX_USER)
          .mailboxGuid(guid("mbx:" + upn))
          .objectGuid(guid("ad:" + upn))
          .umEnabledFlags(um ? Optional.of(3L) : Optional.empty())
          .build();
  }
}
