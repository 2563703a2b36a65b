package io.github.m365kit.testkit;

import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.SimulatedClock;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The fixed tenant state every cloud-port contract starts from, described as m365kit values so that any backend can
 * create it: users with their licenses, their mailboxes, authentication policies and sign-in events.
 *
 * <p>A backend under test receives the fixture from its contract's factory method (for example
 * {@link MailboxStoreContract#newStore(TenantFixture)}) and must return a fresh backend holding exactly this state:
 * the in-memory tenant is built with {@link #toInMemoryTenant()}; an adapter's test seeds its simulator or test
 * tenant with {@link #users()}, {@link #mailboxes()}, {@link #authenticationPolicies()} and {@link #signIns()}.
 * Backends may assign their own object ids and Exchange GUIDs; the contracts never compare them.
 *
 * <p>The cast (all in {@code contoso.com}):
 * <ul>
 *   <li>{@link #LICENSED} — Office 365 E3, user mailbox of 1 GB, cloud-only;</li>
 *   <li>{@link #UNLICENSED} — no license, user mailbox (its 30-day grace period starts at {@link #now()});</li>
 *   <li>{@link #HOSTILE} {@code o'brien#x@contoso.com} with mail and primary SMTP address {@link #HOSTILE_ADDRESS}
 *       {@code o'brien$x@contoso.com} — valid names full of characters that break naive quoting (PowerShell, OData,
 *       LDAP filters), E3, user mailbox with the secondary proxy {@code smtp:o.brien@contoso.com};</li>
 *   <li>{@link #UM_USER} — E3, user mailbox enabled for Unified Messaging with extension 4100;</li>
 *   <li>{@link #SHARED_UM} — unlicensed shared mailbox still holding UM extension 4123 (the UM trap);</li>
 *   <li>{@link #BIG_SHARED} — E3, shared mailbox of 55 GB on Litigation Hold (must keep its license);</li>
 *   <li>{@link #SYNCED} — synchronised from on-prem AD, E3, user mailbox;</li>
 *   <li>{@link #TRUSTEE} — E3, user mailbox, used as the holder of FullAccess grants;</li>
 *   <li>{@link #NO_MAILBOX} — licensed only for Power BI (free), no mailbox;</li>
 *   <li>{@link #MISSING} — not in the tenant at all.</li>
 * </ul>
 * Policies: {@link #BLOCK_ALL_POLICY} (blocks every protocol) and {@link #SMTP_POLICY} (allows Authenticated SMTP).
 * Nothing is assigned and there is no org default. Sign-ins: five events from 2026-11-20 to 2026-11-24, two of them
 * modern (Browser, Mobile Apps and Desktop clients), one failed, one by a user no longer in the tenant. Immutable.
 */
public final class TenantFixture {
  /** The tenant's initial domain. */
  public static final String TENANT = "contoso.onmicrosoft.com";
  /** The fixture's "now": the in-memory clock starts here. */
  public static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

  /** Licensed user with a user mailbox. */
  public static final Upn LICENSED = Upn.of("licensed.user@contoso.com");
  /** Unlicensed user with a user mailbox in its grace period. */
  public static final Upn UNLICENSED = Upn.of("unlicensed.user@contoso.com");
  /** A valid but hostile sign-in name: quote and hash. */
  public static final Upn HOSTILE = Upn.of("o'brien#x@contoso.com");
  /** The primary SMTP address of {@link #HOSTILE}'s mailbox, valid but hostile: quote and dollar. */
  public static final SmtpAddress HOSTILE_ADDRESS = SmtpAddress.of("o'brien$x@contoso.com");
  /** The secondary proxy address of {@link #HOSTILE}'s mailbox. */
  public static final SmtpAddress HOSTILE_PROXY = SmtpAddress.of("o.brien@contoso.com");
  /** Licensed user mailbox enabled for Unified Messaging, extension {@value #UM_USER_EXTENSION}. */
  public static final Upn UM_USER = Upn.of("um.user@contoso.com");
  /** The UM extension of {@link #UM_USER}. */
  public static final String UM_USER_EXTENSION = "4100";
  /** Unlicensed shared mailbox still holding UM extension {@value #SHARED_UM_EXTENSION}. */
  public static final Upn SHARED_UM = Upn.of("shared.um@contoso.com");
  /** The UM extension of {@link #SHARED_UM}. */
  public static final String SHARED_UM_EXTENSION = "4123";
  /** Licensed shared mailbox of 55 GB on Litigation Hold. */
  public static final Upn BIG_SHARED = Upn.of("big.shared@contoso.com");
  /** User synchronised from on-prem AD. */
  public static final Upn SYNCED = Upn.of("synced.user@contoso.com");
  /** Licensed user with a mailbox, the holder of FullAccess grants in the tests. */
  public static final Upn TRUSTEE = Upn.of("trustee@contoso.com");
  /** User without a mailbox. */
  public static final Upn NO_MAILBOX = Upn.of("no.mailbox@contoso.com");
  /** Not in the tenant. */
  public static final Upn MISSING = Upn.of("nobody@contoso.com");
  /** A user named in the sign-in log who is not in the tenant. */
  public static final String DELETED_SIGN_IN_USER = "deleted.user@contoso.com";

  /** A policy that blocks basic authentication for every protocol. */
  public static final String BLOCK_ALL_POLICY = "Block Basic Auth";
  /** A policy that allows basic authentication for SMTP only. */
  public static final String SMTP_POLICY = "Allow SMTP for scanners";

  private static final long GB = 1L << 30;
  private static final TenantFixture STANDARD = new TenantFixture();

  private final List<CloudUser> users;
  private final List<Mailbox> mailboxes;
  private final List<AuthPolicy> policies;
  private final List<SignInEvent> signIns;

  private TenantFixture() {
    List<CloudUser> u = new ArrayList<>();
    List<Mailbox> m = new ArrayList<>();
    u.add(user(LICENSED, "Licensed User", false, License.OFFICE_365_E3));
    m.add(mailbox(LICENSED, MailboxType.USER, 1 * GB).build());
    u.add(user(UNLICENSED, "Unlicensed User", false));
    m.add(mailbox(UNLICENSED, MailboxType.USER, 2 * GB).build());
    u.add(CloudUser.builder().from(user(HOSTILE, "Siobhan O'Brien", false, License.OFFICE_365_E3)).mail(HOSTILE_ADDRESS).build());
    m.add(Mailbox.builder().from(mailbox(HOSTILE, MailboxType.USER, GB / 2).build()).primarySmtpAddress(HOSTILE_ADDRESS)
        .emailAddresses(List.of("SMTP:" + HOSTILE_ADDRESS.value(), "smtp:" + HOSTILE_PROXY.value())).build());
    u.add(user(UM_USER, "UM User", false, License.OFFICE_365_E3));
    m.add(mailbox(UM_USER, MailboxType.USER, 3 * GB).umEnabled(true).umExtension(UM_USER_EXTENSION).build());
    u.add(user(SHARED_UM, "Front Desk", false));
    m.add(mailbox(SHARED_UM, MailboxType.SHARED, GB).umEnabled(true).umExtension(SHARED_UM_EXTENSION).build());
    u.add(user(BIG_SHARED, "Big Shared", false, License.OFFICE_365_E3));
    m.add(mailbox(BIG_SHARED, MailboxType.SHARED, 55 * GB).litigationHoldEnabled(true).build());
    u.add(user(SYNCED, "Synced User", true, License.OFFICE_365_E3));
    m.add(mailbox(SYNCED, MailboxType.USER, 4 * GB).dirSynced(true).build());
    u.add(user(TRUSTEE, "Trustee", false, License.OFFICE_365_E3));
    m.add(mailbox(TRUSTEE, MailboxType.USER, GB).build());
    u.add(user(NO_MAILBOX, "No Mailbox", false, License.POWER_BI_FREE));
    this.users = List.copyOf(u);
    this.mailboxes = List.copyOf(m);
    this.policies = List.of(AuthPolicy.blockAll(BLOCK_ALL_POLICY),
        AuthPolicy.builder().name(SMTP_POLICY).addAllowBasicAuth(BasicAuthProtocol.SMTP).build());
    this.signIns = List.of(
        signIn("2026-11-20T08:00:00Z", LICENSED.value(), "Browser", 0, ""),
        signIn("2026-11-21T08:00:00Z", LICENSED.value(), "IMAP4", 0, ""),
        signIn("2026-11-22T08:00:00Z", HOSTILE.value(), "Authenticated SMTP", 50126, "Invalid username or password or Invalid on-premise username or password."),
        signIn("2026-11-23T08:00:00Z", UM_USER.value(), "Mobile Apps and Desktop clients", 0, ""),
        signIn("2026-11-24T08:00:00Z", DELETED_SIGN_IN_USER, "POP3", 0, ""));
  }

  /** @return the standard fixture described above */
  public static TenantFixture standard() {
    return STANDARD;
  }

  private static CloudUser user(Upn upn, String displayName, boolean synced, License... licenses) {
    return CloudUser.builder().id(new ObjectId(guid("user:" + upn))).userPrincipalName(upn).displayName(displayName)
        .mail(SmtpAddress.of(upn.value())).onPremisesSyncEnabled(synced).usageLocation("AU")
        .onPremisesDistinguishedName(synced ? java.util.Optional.of("CN=" + displayName + ",OU=Staff,DC=contoso,DC=com") : java.util.Optional.empty())
        .addLicenses(licenses).build();
  }

  private static io.github.m365kit.model.ImmutableMailbox.Builder mailbox(Upn upn, MailboxType type, long size) {
    return Mailbox.builder().primarySmtpAddress(SmtpAddress.of(upn.value())).userPrincipalName(upn).alias(upn.localPart().replaceAll("[^A-Za-z0-9.]", ""))
        .type(type).totalItemSizeBytes(size).exchangeGuid(guid("mailbox:" + upn)).addEmailAddresses("SMTP:" + upn.value());
  }

  private static SignInEvent signIn(String at, String upn, String client, int errorCode, String failure) {
    return new SignInEvent(Instant.parse(at), upn, guid("user:" + upn).toString(), client, errorCode, failure, "203.0.113.7", "Office 365 Exchange Online", false);
  }

  private static UUID guid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** @return the tenant's initial domain, {@value #TENANT} */
  public String tenantName() {
    return TENANT;
  }

  /** @return the instant the fixture is taken at; the in-memory clock starts here */
  public Instant now() {
    return NOW;
  }

  /** @return the users, with their licenses, in a fixed order */
  public List<CloudUser> users() {
    return users;
  }

  /** @return the mailboxes (every owner is in {@link #users()}), in a fixed order */
  public List<Mailbox> mailboxes() {
    return mailboxes;
  }

  /** @return the authentication policies */
  public List<AuthPolicy> authenticationPolicies() {
    return policies;
  }

  /** @return the sign-in events, oldest first */
  public List<SignInEvent> signIns() {
    return signIns;
  }

  /**
   * @param upn a user of the fixture
   * @return that user as the fixture describes it
   * @throws NoSuchElementException when the fixture has no such user
   */
  public CloudUser user(Upn upn) {
    return users.stream().filter(x -> x.userPrincipalName().equals(upn)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("the fixture has no user " + upn));
  }

  /**
   * @param owner the owner of a mailbox of the fixture
   * @return that mailbox as the fixture describes it
   * @throws NoSuchElementException when the fixture has no such mailbox
   */
  public Mailbox mailbox(Upn owner) {
    return mailboxes.stream().filter(x -> x.userPrincipalName().equals(owner)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("the fixture has no mailbox of " + owner));
  }

  /**
   * Builds a fresh in-memory tenant holding exactly this fixture, on a {@link SimulatedClock} at {@link #now()}.
   *
   * @return a new tenant
   */
  public InMemoryTenant toInMemoryTenant() {
    InMemoryTenant tenant = new InMemoryTenant(TENANT, new SimulatedClock(NOW));
    users.forEach(tenant::addUser);
    mailboxes.forEach(tenant::addMailbox);
    policies.forEach(tenant::create);
    tenant.addSignIns(signIns);
    return tenant;
  }

  @Override
  public String toString() {
    return "TenantFixture{" + users.size() + " users, " + mailboxes.size() + " mailboxes, " + policies.size() + " policies, "
        + signIns.size() + " sign-ins}";
  }
}
