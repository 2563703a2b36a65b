package io.github.m365kit.memory;

import io.github.m365kit.ConflictException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ServiceRuleException.Rule;
import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.ImmutableCloudUser;
import io.github.m365kit.model.ImmutableMailbox;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.AuthPolicyStore;
import io.github.m365kit.spi.CloudDirectory;
import io.github.m365kit.spi.MailboxStore;
import io.github.m365kit.spi.OnPremDirectory;
import io.github.m365kit.spi.SignInLog;
import io.github.m365kit.spi.GroupStore.DynamicGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A stateful, in-memory Microsoft 365 tenant (Entra ID users, Exchange Online mailboxes, authentication policies,
 * the sign-in log) that enforces the services' rules with their own messages where known, like jclouds' "transient"
 * provider. Use it to learn m365kit, to unit-test your own tools, and as the cloud side of the demo.
 *
 * <p>Emulated rules:
 * <ul>
 *   <li>{@code Set-Mailbox -Type Shared} requires the owner to hold an Exchange Online license at that moment;</li>
 *   <li>a user mailbox whose owner has no Exchange license is disconnected after the 30-day grace period on the
 *       tenant's clock; its data is gone, and a license assigned later provisions a new, empty mailbox;</li>
 *   <li>a shared mailbox over 50 GB, with an archive or on Litigation / In-Place hold needs a license: removing its
 *       last suitable license is refused (the real service accepts the removal and leaves the mailbox out of
 *       compliance; refusing makes the mistake visible in tests);</li>
 *   <li>a mailbox keeps its UM extension when converted, and no other mailbox can be given that extension;</li>
 *   <li>{@code Disable-UMMailbox} on a shared or unlicensed mailbox fails with the license-validation error, on a
 *       mailbox without UM with "already disabled for Unified Messaging" (the texts quoted by the seed; UNCONFIRMED
 *       by Microsoft documentation);</li>
 *   <li>{@link #directorySync(OnPremDirectory)} makes synced users follow AD: the mailbox type follows the on-prem
 *       recipient attributes (a shared mailbox whose AD object still says remote user mailbox turns back into a user
 *       mailbox) and accountEnabled follows userAccountControl;</li>
 *   <li>accountEnabled of a synced user cannot be changed in the cloud (Graph's 400 for on-premises mastered
 *       objects);</li>
 *   <li>an authentication policy cannot be deleted while assigned or set as the org default; names are unique
 *       without regard to case and at most 64 characters;</li>
 *   <li>a dynamic group's rule must parse and validate (the service's "Invalid membership rule"), a Microsoft 365 group
 *       can hold only users, mail nicknames are unique; membership follows the rule at once while processing is On
 *       and is frozen while it is Paused (the real service takes minutes to hours to process a change);</li>
 *   <li>a Conditional Access policy needs an applications rule, a users rule and a grant or session control (refused
 *       with {@link InvalidInputException}; the wording is m365kit's, not the service's); display names need not be
 *       unique, so a look-up by name that matches several fails with {@link io.github.m365kit.AmbiguousMatchException}.
 *       Not emulated: the one-request-per-second throttle, checks that excluded ids exist, the up-to-24-hour delay
 *       before a policy takes effect.</li>
 * </ul>
 * Not emulated: replication delay (reads are immediately consistent), quotas other than the 50 GB rule, mail flow.
 * Every port method consults {@link #faults()} first. State loads from and saves to {@code tenant.json}
 * ({@link TenantJson}). Thread-safe (one lock).
 */
public final class InMemoryTenant implements MailboxStore, CloudDirectory, AuthPolicyStore, SignInLog, io.github.m365kit.spi.GroupStore,
    io.github.m365kit.spi.ConditionalAccessStore {
  /** The grace period of an unlicensed user mailbox. */
  public static final Duration GRACE_PERIOD = Mailbox.UNLICENSED_GRACE_PERIOD;

  private final String name;
  private final Clock clock;
  private final Faults faults;
  final Map<Upn, CloudUser> users = new LinkedHashMap<>();
  final Map<Upn, Mailbox> mailboxes = new LinkedHashMap<>();
  final Map<Upn, Instant> unlicensedSince = new LinkedHashMap<>();
  final Map<Upn, Instant> disconnected = new LinkedHashMap<>();
  final Map<Upn, List<MailboxPermission>> fullAccess = new LinkedHashMap<>();
  final Map<String, AuthPolicy> policies = new LinkedHashMap<>();
  final Map<Upn, String> policyAssignments = new LinkedHashMap<>();
  final Map<Upn, Instant> refreshTokensValidFrom = new LinkedHashMap<>();
  final List<SignInEvent> signIns = new ArrayList<>();
  final Map<io.github.m365kit.model.ObjectId, DynamicGroup> groups = new LinkedHashMap<>();
  final Map<io.github.m365kit.model.ObjectId, List<Upn>> frozenMembers = new LinkedHashMap<>();
  String orgDefaultPolicy;
  final Map<String, io.github.m365kit.auth.ConditionalAccessPolicy> caPolicies = new LinkedHashMap<>();
  private final InMemoryInsightsStore insights;

  /**
   * Creates an empty tenant.
   *
   * @param name the initial domain, e.g. {@code contoso.onmicrosoft.com}
   * @param clock the clock (a {@link SimulatedClock} in tests)
   */
  public InMemoryTenant(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
    this.faults = new Faults();
    this.insights = new InMemoryInsightsStore(faults);
  }

  /**
   * The demo tenant of {@link DemoCast}, on a {@link SimulatedClock} starting 2026-11-28T09:00:00Z.
   *
   * @return a new tenant
   */
  public static InMemoryTenant demo() {
    return DemoTenant.build(new SimulatedClock(Instant.parse("2026-11-28T09:00:00Z")));
  }

  /** @return the tenant's initial domain */
  public String name() {
    return name;
  }

  /** @return the clock */
  public Clock clock() {
    return clock;
  }

  /** @return the clock as a {@link SimulatedClock} */
  public SimulatedClock simulatedClock() {
    if (clock instanceof SimulatedClock s) {
      return s;
    }
    throw new IllegalStateException("this tenant runs on " + clock + ", not a SimulatedClock");
  }

  /** @return the fault injector consulted before every port call */
  public Faults faults() {
    return faults;
  }

  /** @return the tenant's MyAnalytics / Viva Insights and item-insights settings, sharing this tenant's faults */
  public InMemoryInsightsStore insights() {
    return insights;
  }

  // ---------------------------------------------------------------- seeding (not part of any port)

  /**
   * Adds a user.
   *
   * @param user the user
   * @return this
   * @throws ConflictException when the UPN exists
   */
  public synchronized InMemoryTenant addUser(CloudUser user) {
    if (users.containsKey(user.userPrincipalName())) {
      throw new ConflictException("Another object with the same value for property userPrincipalName already exists: " + user.userPrincipalName());
    }
    users.put(user.userPrincipalName(), user);
    return this;
  }

  /**
   * Adds a mailbox for an existing user.
   *
   * @param mailbox the mailbox
   * @return this
   * @throws NotFoundException when its user does not exist
   * @throws ConflictException when the user has a mailbox or the UM extension is taken
   */
  public synchronized InMemoryTenant addMailbox(Mailbox mailbox) {
    Upn owner = mailbox.userPrincipalName();
    if (!users.containsKey(owner)) {
      throw new NotFoundException("user", owner.value());
    }
    if (mailboxes.containsKey(owner)) {
      throw new ConflictException("user " + owner + " already has a mailbox");
    }
    mailbox.umExtension().ifPresent(ext -> requireExtensionFree(ext, owner));
    mailboxes.put(owner, mailbox);
    refreshGrace(owner);
    return this;
  }

  /**
   * Appends sign-in events to the log.
   *
   * @param events the events
   * @return this
   */
  public synchronized InMemoryTenant addSignIns(List<SignInEvent> events) {
    signIns.addAll(events);
    return this;
  }

  /**
   * Enables (legacy) Unified Messaging with an extension, as {@code Enable-UMMailbox} did.
   *
   * @param address the mailbox
   * @param extension the extension
   * @throws ServiceRuleException with {@code UM_EXTENSION_IN_USE} when another mailbox holds the extension
   */
  public synchronized void enableUnifiedMessaging(SmtpAddress address, String extension) {
    faults.before("enableUnifiedMessaging");
    Mailbox m = mailboxOrThrow(address);
    requireExtensionFree(extension, m.userPrincipalName());
    mailboxes.put(m.userPrincipalName(), ImmutableMailbox.copyOf(m).withUmEnabled(true).withUmExtension(extension));
  }

  private void requireExtensionFree(String extension, Upn except) {
    for (Mailbox other : mailboxes.values()) {
      if (!other.userPrincipalName().equals(except) && other.umExtension().map(extension::equals).orElse(false)) {
        throw new ServiceRuleException(Rule.UM_EXTENSION_IN_USE, "The extension " + extension
            + " is already assigned to another user in the dial plan (held by " + other.primarySmtpAddress()
            + "). Disable Unified Messaging on that mailbox first.");
      }
    }
  }

  /**
   * Mailboxes disconnected after the grace period, with when; their data is gone.
   *
   * @return owner to disconnection time
   */
  public synchronized Map<Upn, Instant> disconnectedMailboxes() {
    expireGracePeriods();
    return Map.copyOf(disconnected);
  }

  /**
   * When an unlicensed user mailbox started its grace period.
   *
   * @param owner the owner
   * @return the start of the grace period, or empty when the mailbox is licensed or not a user mailbox
   */
  @Override
  public synchronized Optional<Instant> unlicensedSince(Upn owner) {
    expireGracePeriods();
    return Optional.ofNullable(unlicensedSince.get(owner));
  }

  /** @return every mailbox, in insertion order */
  public synchronized List<Mailbox> mailboxes() {
    expireGracePeriods();
    return List.copyOf(mailboxes.values());
  }

  /** @return every user, in insertion order */
  public synchronized List<CloudUser> users() {
    return List.copyOf(users.values());
  }

  /**
   * @param user a user
   * @return when the user's refresh tokens were last invalidated by {@code -STSRefreshTokensValidFrom}
   */
  public synchronized Optional<Instant> refreshTokensValidFrom(Upn user) {
    return Optional.ofNullable(refreshTokensValidFrom.get(user));
  }

  // ---------------------------------------------------------------- grace period

  private void refreshGrace(Upn owner) {
    Mailbox m = mailboxes.get(owner);
    CloudUser u = users.get(owner);
    if (m == null || u == null || m.type() != MailboxType.USER || u.hasExchangeLicense()) {
      unlicensedSince.remove(owner);
    } else {
      unlicensedSince.putIfAbsent(owner, clock.instant());
    }
  }

  private void expireGracePeriods() {
    Instant now = clock.instant();
    for (Map.Entry<Upn, Instant> e : List.copyOf(unlicensedSince.entrySet())) {
      if (!now.isBefore(e.getValue().plus(GRACE_PERIOD))) {
        Upn owner = e.getKey();
        mailboxes.remove(owner);
        fullAccess.remove(owner);
        unlicensedSince.remove(owner);
        disconnected.put(owner, e.getValue().plus(GRACE_PERIOD));
      }
    }
  }

  // ---------------------------------------------------------------- MailboxStore

  private Optional<Mailbox> lookup(SmtpAddress address) {
    expireGracePeriods();
    String smtp = "smtp:" + address.value().toLowerCase(Locale.ROOT);
    for (Mailbox m : mailboxes.values()) {
      if (m.primarySmtpAddress().equals(address) || m.emailAddresses().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).equals(smtp))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private Mailbox mailboxOrThrow(SmtpAddress address) {
    return lookup(address).orElseThrow(() -> new NotFoundException("mailbox", address.value(),
        "The operation couldn't be performed because object '" + address.value() + "' couldn't be found on '" + name + "'."));
  }

  @Override
  public synchronized Optional<Mailbox> find(SmtpAddress address) {
    faults.before("find");
    return lookup(address);
  }

  @Override
  public synchronized Optional<Mailbox> findByUpn(Upn upn) {
    faults.before("findByUpn");
    expireGracePeriods();
    return Optional.ofNullable(mailboxes.get(upn));
  }

  @Override
  public synchronized void setType(SmtpAddress address, MailboxType type) {
    faults.before("setType");
    Mailbox m = mailboxOrThrow(address);
    if (m.type() == type) {
      return; // Exchange: "The command completed successfully but no settings of '…' have been modified."
    }
    CloudUser owner = users.get(m.userPrincipalName());
    if (type == MailboxType.SHARED && (owner == null || !owner.hasExchangeLicense())) {
      throw new ServiceRuleException(Rule.CONVERSION_REQUIRES_LICENSE, "The mailbox '" + address + "' can't be converted to a shared mailbox "
          + "because it has no Exchange Online license. Assign a license, convert, then remove the license.");
    }
    mailboxes.put(m.userPrincipalName(), ImmutableMailbox.copyOf(m).withType(type));
    refreshGrace(m.userPrincipalName());
  }

  @Override
  public synchronized void disableUnifiedMessaging(SmtpAddress address) {
    faults.before("disableUnifiedMessaging");
    Mailbox m = mailboxOrThrow(address);
    CloudUser owner = users.get(m.userPrincipalName());
    Optional<License> umLicense = owner == null ? Optional.empty() : owner.licenses().stream().filter(License::unifiedMessaging).findFirst();
    if (m.type() != MailboxType.USER || umLicense.isEmpty()) {
      String license = owner == null || owner.licenses().isEmpty() ? "Unlicensed" : owner.licenses().get(0).skuPartNumber();
      throw new ServiceRuleException(Rule.UM_LICENSE_VALIDATION, "License validation error: the action 'Disable-UMMailbox' can't be performed on the user '"
          + address + "' with license '" + license + "' (mailbox type " + m.type().cmdletType() + ").");
    }
    if (!m.umEnabled()) {
      throw new ServiceRuleException(Rule.UM_ALREADY_DISABLED, "The user \"" + address + "\" is already disabled for Unified Messaging.");
    }
    mailboxes.put(m.userPrincipalName(), ImmutableMailbox.copyOf(m).withUmEnabled(false).withUmExtension(Optional.empty()));
  }

  @Override
  public synchronized List<MailboxPermission> fullAccess(SmtpAddress address) {
    faults.before("fullAccess");
    Mailbox m = mailboxOrThrow(address);
    return List.copyOf(fullAccess.getOrDefault(m.userPrincipalName(), List.of()));
  }

  @Override
  public synchronized void grantFullAccess(SmtpAddress address, Upn trustee, boolean autoMapping) {
    faults.before("grantFullAccess");
    Mailbox m = mailboxOrThrow(address);
    if (!users.containsKey(trustee)) {
      throw new NotFoundException("user", trustee.value(), "The user '" + trustee + "' couldn't be found.");
    }
    List<MailboxPermission> list = new ArrayList<>(fullAccess.getOrDefault(m.userPrincipalName(), List.of()));
    list.removeIf(p -> p.trustee().equals(trustee));
    list.add(new MailboxPermission(trustee, autoMapping));
    fullAccess.put(m.userPrincipalName(), list);
  }

  @Override
  public synchronized void revokeFullAccess(SmtpAddress address, Upn trustee) {
    faults.before("revokeFullAccess");
    Mailbox m = mailboxOrThrow(address);
    List<MailboxPermission> list = new ArrayList<>(fullAccess.getOrDefault(m.userPrincipalName(), List.of()));
    list.removeIf(p -> p.trustee().equals(trustee));
    fullAccess.put(m.userPrincipalName(), list);
  }

  // ---------------------------------------------------------------- CloudDirectory

  private CloudUser userOrThrow(Upn upn) {
    CloudUser u = users.get(upn);
    if (u == null) {
      throw new NotFoundException("user", upn.value(), "Resource '" + upn + "' does not exist or one of its queried reference-property objects are not present.");
    }
    return u;
  }

  @Override
  public synchronized Optional<CloudUser> findUser(Upn upn) {
    faults.before("findUser");
    return Optional.ofNullable(users.get(upn));
  }

  @Override
  public void forEachUser(Consumer<CloudUser> visitor) {
    faults.before("forEachUser");
    List<CloudUser> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(users.values());
    }
    snapshot.forEach(visitor);
  }

  @Override
  public synchronized void assignLicense(Upn upn, License license) {
    faults.before("assignLicense");
    CloudUser u = userOrThrow(upn);
    if (u.licenses().contains(license)) {
      return;
    }
    List<License> next = new ArrayList<>(u.licenses());
    next.add(license);
    users.put(upn, ImmutableCloudUser.copyOf(u).withLicenses(next));
    if (license.hasExchangePlan() && !mailboxes.containsKey(upn) && disconnected.containsKey(upn)) {
      // the old mailbox is gone: a license now provisions a new, empty one (KB: "a new mailbox")
      String alias = upn.localPart();
      mailboxes.put(upn, Mailbox.builder().primarySmtpAddress(u.mail().orElse(SmtpAddress.of(upn.value()))).userPrincipalName(upn).alias(alias)
          .type(MailboxType.USER).exchangeGuid(UUID.nameUUIDFromBytes((upn + "@" + clock.instant()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .dirSynced(u.onPremisesSyncEnabled()).addEmailAddresses("SMTP:" + u.mail().orElse(SmtpAddress.of(upn.value()))).build());
    }
    refreshGrace(upn);
  }

  @Override
  public synchronized void removeLicenses(Upn upn, Set<UUID> skuIds) {
    faults.before("removeLicenses");
    CloudUser u = userOrThrow(upn);
    List<License> remaining = u.licenses().stream().filter(l -> !skuIds.contains(l.skuId())).toList();
    Mailbox m = mailboxes.get(upn);
    if (m != null && m.type() == MailboxType.SHARED) {
      List<String> reasons = m.licenseRequiredReasons();
      boolean stillCovered = remaining.stream().anyMatch(l -> l.exchangePlan() == License.ExchangePlan.PLAN_2)
          || (remaining.stream().anyMatch(l -> l.exchangePlan() == License.ExchangePlan.PLAN_1) && remaining.stream().anyMatch(License::archive));
      if (!reasons.isEmpty() && !stillCovered) {
        throw new ServiceRuleException(Rule.SHARED_MAILBOX_REQUIRES_LICENSE, "The shared mailbox '" + m.primarySmtpAddress()
            + "' must keep an Exchange Online Plan 2 (or Plan 1 + Exchange Online Archiving) license: " + String.join("; ", reasons) + ".");
      }
    }
    users.put(upn, ImmutableCloudUser.copyOf(u).withLicenses(remaining));
    refreshGrace(upn);
  }

  @Override
  public synchronized void setAccountEnabled(Upn upn, boolean enabled) {
    faults.before("setAccountEnabled");
    CloudUser u = userOrThrow(upn);
    if (u.onPremisesSyncEnabled()) {
      throw new ServiceRuleException(Rule.ON_PREMISES_MASTERED, "Unable to update the specified properties for on-premises mastered Directory Sync "
          + "objects or objects currently undergoing migration. (" + upn + ": change accountEnabled in Active Directory)");
    }
    users.put(upn, ImmutableCloudUser.copyOf(u).withAccountEnabled(enabled));
  }

  /** From the mailbox's type, as the cloud reports it; empty when the user has no mailbox. */
  @Override
  public synchronized Optional<io.github.m365kit.model.MailboxPurpose> mailboxPurpose(Upn upn) {
    java.util.Objects.requireNonNull(upn, "upn == null");
    faults.before("mailboxPurpose");
    return Optional.ofNullable(mailboxes.get(upn)).map(m -> io.github.m365kit.model.MailboxPurpose.of(m.type()));
  }

  @Override
  public synchronized void revokeSignInSessions(Upn upn) {
    faults.before("revokeSignInSessions");
    CloudUser u = userOrThrow(upn);
    users.put(upn, ImmutableCloudUser.copyOf(u).withSignInSessionsValidFrom(clock.instant()));
  }

  // ---------------------------------------------------------------- directory sync

  /**
   * Runs one directory-synchronisation cycle from on-prem AD, as Entra Connect would: for every synced user found
   * in AD by userPrincipalName, accountEnabled follows userAccountControl, department follows AD, and the mailbox
   * type follows the on-prem recipient attributes when AD carries a remote-mailbox record.
   *
   * @param directory the on-prem directory
   * @return what changed, one line per change
   */
  public synchronized List<String> directorySync(OnPremDirectory directory) {
    faults.before("directorySync");
    expireGracePeriods();
    List<String> changes = new ArrayList<>();
    for (CloudUser u : List.copyOf(users.values())) {
      if (!u.onPremisesSyncEnabled()) {
        continue;
      }
      Optional<AdUser> ad = directory.findByUpn(u.userPrincipalName());
      if (ad.isEmpty()) {
        continue;
      }
      AdUser a = ad.get();
      CloudUser next = ImmutableCloudUser.copyOf(u).withAccountEnabled(!a.isDisabled()).withDepartment(a.department());
      if (!next.equals(u)) {
        users.put(u.userPrincipalName(), next);
        if (next.accountEnabled() != u.accountEnabled()) {
          changes.add(u.userPrincipalName() + ": accountEnabled " + u.accountEnabled() + " -> " + next.accountEnabled());
        }
      }
      Mailbox m = mailboxes.get(u.userPrincipalName());
      if (m != null && a.recipientTypeDetails().isPresent() && a.recipientTypeDetails().get().isRemote()) {
        MailboxType desired = MailboxType.fromOnPrem(a.recipientTypeDetails().get(), a.remoteRecipientType().orElse(null));
        if (desired != m.type()) {
          mailboxes.put(u.userPrincipalName(), ImmutableMailbox.copyOf(m).withType(desired));
          refreshGrace(u.userPrincipalName());
          changes.add(u.userPrincipalName() + ": mailbox type " + m.type() + " -> " + desired + " (from on-prem "
              + a.recipientTypeDetails().get() + ", " + a.remoteRecipientType().map(Object::toString).orElse("no msExchRemoteRecipientType") + ")");
        }
      }
    }
    return changes;
  }

  // ---------------------------------------------------------------- AuthPolicyStore

  private static String key(String policyName) {
    return policyName.toLowerCase(Locale.ROOT);
  }

  private AuthPolicy policyOrThrow(String policyName) {
    AuthPolicy p = policies.get(key(policyName));
    if (p == null) {
      throw new NotFoundException("authentication policy", policyName, "The operation couldn't be performed because object '" + policyName + "' couldn't be found.");
    }
    return p;
  }

  @Override
  public synchronized void create(AuthPolicy policy) {
    faults.before("create");
    if (policies.containsKey(key(policy.name()))) {
      throw new ConflictException("An authentication policy named '" + policy.name() + "' already exists.");
    }
    policies.put(key(policy.name()), policy);
  }

  @Override
  public synchronized Optional<AuthPolicy> find(String policyName) {
    faults.before("findPolicy");
    return Optional.ofNullable(policies.get(key(AuthPolicy.validateName(policyName))));
  }

  @Override
  public synchronized List<AuthPolicy> list() {
    faults.before("list");
    return List.copyOf(policies.values());
  }

  @Override
  public synchronized void update(AuthPolicy policy) {
    faults.before("update");
    AuthPolicy old = policyOrThrow(policy.name());
    policies.put(key(policy.name()), AuthPolicy.builder().from(policy).name(old.name()).build());
  }

  @Override
  public synchronized void delete(String policyName) {
    faults.before("delete");
    AuthPolicy p = policyOrThrow(policyName);
    List<Upn> holders = holders(p.name());
    if (!holders.isEmpty()) {
      List<String> shown = holders.stream().limit(5).map(Upn::value).toList();
      throw new ConflictException("The authentication policy '" + p.name() + "' is assigned to " + holders.size() + " user(s) ("
          + String.join(", ", shown) + (holders.size() > 5 ? ", …" : "") + ") and can't be removed. Remove it from them first.");
    }
    if (orgDefaultPolicy != null && key(orgDefaultPolicy).equals(key(p.name()))) {
      throw new ConflictException("The authentication policy '" + p.name() + "' is the organization's default and can't be removed. "
          + "Run Set-OrganizationConfig -DefaultAuthenticationPolicy $null first.");
    }
    policies.remove(key(p.name()));
  }

  private List<Upn> holders(String policyName) {
    return policyAssignments.entrySet().stream().filter(e -> key(e.getValue()).equals(key(policyName))).map(Map.Entry::getKey).toList();
  }

  @Override
  public synchronized void assign(Upn user, Optional<String> policyName) {
    faults.before("assign");
    userOrThrow(user);
    if (policyName.isPresent()) {
      policyAssignments.put(user, policyOrThrow(policyName.get()).name());
    } else {
      policyAssignments.remove(user);
    }
  }

  @Override
  public synchronized Optional<String> assigned(Upn user) {
    faults.before("assigned");
    userOrThrow(user);
    return Optional.ofNullable(policyAssignments.get(user));
  }

  @Override
  public synchronized List<Upn> usersWith(String policyName) {
    faults.before("usersWith");
    return holders(policyOrThrow(policyName).name());
  }

  @Override
  public synchronized void refreshTokens(Upn user, Instant validFrom) {
    faults.before("refreshTokens");
    userOrThrow(user);
    refreshTokensValidFrom.put(user, validFrom);
  }

  @Override
  public synchronized Optional<String> orgDefault() {
    faults.before("orgDefault");
    return Optional.ofNullable(orgDefaultPolicy);
  }

  @Override
  public synchronized void setOrgDefault(Optional<String> policyName) {
    faults.before("setOrgDefault");
    orgDefaultPolicy = policyName.map(n -> policyOrThrow(n).name()).orElse(null);
  }

  // ---------------------------------------------------------------- SignInLog

  @Override
  public void forEachSignIn(Instant since, boolean legacyOnly, Consumer<SignInEvent> visitor) {
    faults.before("forEachSignIn");
    List<SignInEvent> snapshot;
    synchronized (this) {
      snapshot = List.copyOf(signIns);
    }
    for (SignInEvent e : snapshot) {
      if (!e.createdDateTime().isBefore(since) && (!legacyOnly || e.isLegacy())) {
        visitor.accept(e);
      }
    }
  }

  // ---------------------------------------------------------------- GroupStore

  private static io.github.m365kit.group.GroupMembershipRule validRule(String rule, boolean microsoft365) {
    io.github.m365kit.group.GroupMembershipRule parsed;
    try {
      parsed = io.github.m365kit.group.GroupMembershipRule.parse(rule);
      parsed.requireValid();
    } catch (io.github.m365kit.group.RuleException e) {
      throw new ServiceRuleException(Rule.INVALID_MEMBERSHIP_RULE, "Invalid membership rule: " + e.getMessage());
    }
    if (microsoft365 && parsed.isDeviceRule()) {
      throw new ServiceRuleException(Rule.INVALID_MEMBERSHIP_RULE, "Invalid membership rule: a Microsoft 365 group can hold only users, not devices.");
    }
    return parsed;
  }

  private DynamicGroup groupOrThrow(io.github.m365kit.model.ObjectId id) {
    DynamicGroup g = groups.get(id);
    if (g == null) {
      throw new NotFoundException("group", id.toString(), "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
    }
    return g;
  }

  private List<Upn> evaluate(DynamicGroup g) {
    io.github.m365kit.group.CompiledRule compiled = validRule(g.membershipRule(), g.microsoft365()).compile(clock);
    List<Upn> out = new ArrayList<>();
    for (CloudUser u : users.values()) {
      if (compiled.test(io.github.m365kit.group.CloudUserSubject.of(u))) {
        out.add(u.userPrincipalName());
      }
    }
    return out;
  }

  @Override
  public synchronized io.github.m365kit.model.ObjectId createDynamicGroup(DynamicGroup group) {
    faults.before("createDynamicGroup");
    validRule(group.membershipRule(), group.microsoft365());
    for (DynamicGroup g : groups.values()) {
      if (g.mailNickname().equalsIgnoreCase(group.mailNickname())) {
        throw new ConflictException("Another object with the same value for property mailNickname already exists: " + group.mailNickname());
      }
    }
    io.github.m365kit.model.ObjectId id = new io.github.m365kit.model.ObjectId(DemoCast.guid("group:" + group.mailNickname().toLowerCase(Locale.ROOT)));
    groups.put(id, new DynamicGroup(Optional.of(id), group.displayName(), group.mailNickname(), group.microsoft365(), group.membershipRule(), false));
    return id;
  }

  @Override
  public synchronized Optional<DynamicGroup> find(io.github.m365kit.model.ObjectId id) {
    faults.before("findGroup");
    return Optional.ofNullable(groups.get(id));
  }

  @Override
  public synchronized Optional<DynamicGroup> findByMailNickname(String mailNickname) {
    faults.before("findGroupByMailNickname");
    java.util.Objects.requireNonNull(mailNickname, "mailNickname == null");
    List<DynamicGroup> found = groups.values().stream().filter(g -> g.mailNickname().equalsIgnoreCase(mailNickname)).toList();
    if (found.size() > 1) {
      throw new ConflictException(found.size() + " groups have the mail nickname " + mailNickname + "; name the group by its object id");
    }
    return found.stream().findFirst();
  }

  @Override
  public synchronized void updateRule(io.github.m365kit.model.ObjectId id, String rule) {
    faults.before("updateRule");
    DynamicGroup g = groupOrThrow(id);
    validRule(rule, g.microsoft365());
    groups.put(id, new DynamicGroup(g.id(), g.displayName(), g.mailNickname(), g.microsoft365(), rule, g.paused()));
  }

  @Override
  public synchronized void setProcessingPaused(io.github.m365kit.model.ObjectId id, boolean paused) {
    faults.before("setProcessingPaused");
    DynamicGroup g = groupOrThrow(id);
    if (paused && !g.paused()) {
      frozenMembers.put(id, evaluate(g));
    } else if (!paused) {
      frozenMembers.remove(id);
    }
    groups.put(id, new DynamicGroup(g.id(), g.displayName(), g.mailNickname(), g.microsoft365(), g.membershipRule(), paused));
  }

  @Override
  public synchronized List<Upn> members(io.github.m365kit.model.ObjectId id) {
    faults.before("members");
    DynamicGroup g = groupOrThrow(id);
    return g.paused() ? List.copyOf(frozenMembers.getOrDefault(id, List.of())) : evaluate(g);
  }

  // ---------------------------------------------------------------- ConditionalAccessStore

  @Override
  public synchronized List<io.github.m365kit.auth.ConditionalAccessPolicy> listConditionalAccessPolicies() {
    faults.before("listConditionalAccessPolicies");
    return List.copyOf(caPolicies.values());
  }

  @Override
  public synchronized Optional<io.github.m365kit.auth.ConditionalAccessPolicy> findConditionalAccessPolicy(String displayName) {
    faults.before("findConditionalAccessPolicy");
    List<io.github.m365kit.auth.ConditionalAccessPolicy> hits = caPolicies.values().stream()
        .filter(p -> p.displayName().equalsIgnoreCase(displayName)).toList();
    if (hits.size() > 1) {
      throw new io.github.m365kit.AmbiguousMatchException("conditional access policy display name '" + displayName + "'",
          hits.stream().map(p -> p.id().orElse("?")).toList());
    }
    return hits.stream().findFirst();
  }

  @Override
  public synchronized io.github.m365kit.auth.ConditionalAccessPolicy createConditionalAccessPolicy(io.github.m365kit.auth.ConditionalAccessPolicy policy) {
    faults.before("createConditionalAccessPolicy");
    requireComplete(policy);
    io.github.m365kit.auth.ConditionalAccessPolicy stored = policy.withId(UUID.randomUUID().toString());
    caPolicies.put(stored.id().orElseThrow(), stored);
    return stored;
  }

  @Override
  public synchronized void updateConditionalAccessPolicy(String id, io.github.m365kit.auth.ConditionalAccessPolicy.Change change) {
    faults.before("updateConditionalAccessPolicy");
    io.github.m365kit.auth.ConditionalAccessPolicy old = caPolicies.get(id == null ? "" : id.toLowerCase(Locale.ROOT));
    if (old == null) {
      throw new NotFoundException("conditional access policy", id, "Conditional Access policy '" + id + "' does not exist.");
    }
    io.github.m365kit.auth.ConditionalAccessPolicy updated = old.with(change);
    requireComplete(updated);
    caPolicies.put(old.id().orElseThrow(), updated);
  }

  private static void requireComplete(io.github.m365kit.auth.ConditionalAccessPolicy policy) {
    List<String> problems = policy.problems();
    if (!problems.isEmpty()) {
      throw new InvalidInputException("conditional access policy", policy.displayName(),
          "a policy needs an applications rule, a users rule and a grant or session control: " + String.join("; ", problems));
    }
  }
}
