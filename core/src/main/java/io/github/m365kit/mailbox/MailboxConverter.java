package io.github.m365kit.mailbox;

import io.github.m365kit.AmbiguousMatchException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ServiceRuleException.Rule;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.Journal;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.Step;
import io.github.m365kit.plan.StepStatus;
import io.github.m365kit.spi.CloudDirectory;
import io.github.m365kit.spi.MailboxStore;
import io.github.m365kit.spi.OnPremDirectory;
import io.github.m365kit.spi.OnPremDirectory.RemoteMailboxRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts an Exchange Online mailbox to shared (departing employee) and back to regular (returning employee), in
 * a hybrid or a cloud-only organisation, without ever deleting anything.
 *
 * <p>The work is split in three: {@link #preflight(String)} reads and reports typed {@link Finding}s;
 * {@link #plan(String, ConversionOptions)} builds an ordered, idempotent {@link Plan} that can be shown
 * ({@link io.github.m365kit.plan.PlanRenderer}) or dry-run; a {@link PlanRunner} runs it, resuming from its journal
 * after a crash. {@link #convert(String, ConversionOptions, PlanRunner)} does the last two in one call.
 *
 * <p>Order to shared, for a synced user: make sure the mailbox holds a license it needs (temporarily); release a UM
 * extension (convert back to regular if needed, {@code Disable-UMMailbox}, clear the on-prem UM attributes); set the
 * on-prem attributes to remote shared ({@code Set-RemoteMailbox -Type Shared}, the KB 2710029
 * {@code Set-ADUser -Replace} form shown as an alternative); {@code Set-Mailbox -Type Shared}; then, each guarded at
 * run time by "the mailbox reads back as shared", remove licenses (only when nothing requires one), disable the AD
 * account (never {@code accountEnabled} in the cloud for a synced user: it is on-prem mastered), move it to an OU,
 * revoke sessions. A synced user with no on-prem remote-mailbox record is repaired first
 * ({@link #repair(String, ConversionOptions)}). A cloud-only user gets the same plan without the on-prem steps, and
 * has cloud sign-in blocked instead.
 *
 * <p>Invariants the steps' guards keep even when state changes between planning and running: a user mailbox is
 * never left without an Exchange license by this plan; the cloud side is never converted to shared while on-prem
 * says otherwise (the next directory sync would convert it back); a license is never removed from a mailbox that
 * does not read back as shared, or that is over 50 GB, has an archive or is on hold.
 *
 * <p>Immutable and thread-safe when its ports are.
 *
 * <pre>{@code
 * InMemoryTenant tenant = InMemoryTenant.demo();
 * MailboxConverter converter = MailboxConverter.using(tenant, tenant, InMemoryOnPremDirectory.demo(), tenant.clock());
 * Preflight p = converter.preflight("jane.doe@contoso.com");
 * Plan plan = converter.plan("jane.doe@contoso.com", ConversionOptions.toShared().withRemoveLicenses(true));
 * PlanRunner.create().run(plan).orThrow();
 * }</pre>
 */
public final class MailboxConverter {
  private static final Logger log = LoggerFactory.getLogger(MailboxConverter.class);

  private final MailboxStore mailboxes;
  private final CloudDirectory cloud;
  private final Optional<OnPremDirectory> onPrem;
  private final Clock clock;

  private MailboxConverter(MailboxStore mailboxes, CloudDirectory cloud, Optional<OnPremDirectory> onPrem, Clock clock) {
    this.mailboxes = Objects.requireNonNull(mailboxes, "mailboxes == null");
    this.cloud = Objects.requireNonNull(cloud, "cloud == null");
    this.onPrem = Objects.requireNonNull(onPrem, "onPrem == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Creates a converter.
   *
   * @param mailboxes Exchange Online mailboxes
   * @param cloud Entra ID users and licenses
   * @param onPrem on-prem AD, or empty for a cloud-only organisation (then synced users' on-prem steps refuse to
   *     run and show the PowerShell to run by hand)
   * @param clock the clock for the grace-period arithmetic and session revocation checks
   * @return the converter
   */
  public static MailboxConverter using(MailboxStore mailboxes, CloudDirectory cloud, Optional<OnPremDirectory> onPrem, Clock clock) {
    return new MailboxConverter(mailboxes, cloud, onPrem, clock);
  }

  /**
   * Creates a converter for a hybrid organisation.
   *
   * @param mailboxes Exchange Online mailboxes
   * @param cloud Entra ID users and licenses
   * @param onPrem on-prem AD
   * @param clock the clock
   * @return the converter
   */
  public static MailboxConverter using(MailboxStore mailboxes, CloudDirectory cloud, OnPremDirectory onPrem, Clock clock) {
    return new MailboxConverter(mailboxes, cloud, Optional.of(Objects.requireNonNull(onPrem, "onPrem == null")), clock);
  }

  /**
   * Creates a converter for a cloud-only organisation.
   *
   * @param mailboxes Exchange Online mailboxes
   * @param cloud Entra ID users and licenses
   * @param clock the clock
   * @return the converter
   */
  public static MailboxConverter using(MailboxStore mailboxes, CloudDirectory cloud, Clock clock) {
    return new MailboxConverter(mailboxes, cloud, Optional.empty(), clock);
  }

  // ------------------------------------------------------------------------------------------------ preflight

  /**
   * Reads everything the conversion depends on and reports it. Changes nothing.
   *
   * @param identity the mailbox's primary SMTP address, a proxy address or the owner's UPN
   * @return the findings
   * @throws InvalidInputException when the identity is neither an SMTP address nor a UPN
   * @throws NotFoundException when there is no such mailbox
   * @throws ServiceRuleException with {@link Rule#UNSUPPORTED_RECIPIENT} for a room or equipment mailbox or a guest
   * @throws AmbiguousMatchException when two AD users carry the mailbox's address
   */
  public Preflight preflight(String identity) {
    Objects.requireNonNull(identity, "identity == null");
    Mailbox m = resolveMailbox(identity);
    if (m.type() == MailboxType.ROOM || m.type() == MailboxType.EQUIPMENT) {
      throw new ServiceRuleException(Rule.UNSUPPORTED_RECIPIENT, "'" + m.primarySmtpAddress() + "' is a " + m.type().cmdletType()
          + " mailbox; only user and shared mailboxes are converted. Nothing was changed.");
    }
    CloudUser u = cloud.getUser(m.userPrincipalName());
    if (u.isGuest()) {
      throw new ServiceRuleException(Rule.UNSUPPORTED_RECIPIENT, "'" + u.userPrincipalName() + "' is a guest; guests have no mailbox to convert. Nothing was changed.");
    }
    boolean synced = u.onPremisesSyncEnabled() || m.dirSynced();
    Optional<AdUser> ad = synced ? findAdUser(m) : Optional.empty();
    List<Finding> findings = new ArrayList<>();
    SmtpAddress addr = m.primarySmtpAddress();
    if (synced) {
      findings.add(new Finding(Finding.Kind.SYNCED, addr + " is synchronised from on-prem AD: AD is the source of truth, so the on-prem "
          + "attributes change first and the account is disabled in AD"));
      if (onPrem.isEmpty()) {
        findings.add(new Finding(Finding.Kind.ON_PREM_UNAVAILABLE, "no on-prem directory is configured: the on-prem steps will refuse to run; "
            + "run their PowerShell in the Exchange Management Shell, then run the plan again"));
      } else if (ad.isEmpty()) {
        findings.add(new Finding(Finding.Kind.ON_PREM_UNAVAILABLE, "no AD user carries " + addr + " or the UPN " + u.userPrincipalName()
            + ": the on-prem steps will refuse to run"));
      }
    } else {
      findings.add(new Finding(Finding.Kind.CLOUD_ONLY, addr + " is cloud-only: no on-prem steps; sign-in is blocked in Entra ID"));
    }
    ad.ifPresent(a -> {
      if (!a.hasRemoteMailboxRecord()) {
        findings.add(new Finding(Finding.Kind.MISSING_ON_PREM_RECORD, "the AD user " + a.dn() + " has no remote-mailbox record (the mailbox "
            + "was created in the cloud first): on-prem Exchange does not know the mailbox, so the record is stamped first "
            + "(Enable-RemoteMailbox -RemoteRoutingAddress, Set-RemoteMailbox -ExchangeGuid)"));
      } else {
        MailboxType onPremType = MailboxType.fromOnPrem(a.recipientTypeDetails().orElseThrow(), a.remoteRecipientType().orElse(null));
        if (onPremType != m.type()) {
          findings.add(new Finding(Finding.Kind.ON_PREM_MISMATCH, "on-prem says " + onPremType.cmdletType() + " ("
              + a.recipientTypeDetails().orElseThrow() + ", " + a.remoteRecipientType().map(Object::toString).orElse("no msExchRemoteRecipientType")
              + ") while Exchange Online says " + m.type().cmdletType() + ": the next directory sync makes the cloud mailbox "
              + onPremType.cmdletType() + " again; the plan fixes on-prem first, then the cloud"));
        }
      }
    });
    long size = m.totalItemSizeBytes();
    String gb = String.format(Locale.ROOT, "%.1f GB", size / (double) (1L << 30));
    if (m.overSharedLimit()) {
      findings.add(new Finding(Finding.Kind.OVER_SHARED_LIMIT, "it holds " + gb + ", more than the 50 GB an unlicensed shared mailbox may hold: "
          + "it must keep an Exchange Online Plan 2 license"));
    } else if (size >= Mailbox.SHARED_WARN_BYTES) {
      findings.add(new Finding(Finding.Kind.NEAR_SHARED_LIMIT, "it holds " + gb + ", close to the 50 GB an unlicensed shared mailbox may hold"));
    }
    if (m.archiveEnabled()) {
      findings.add(new Finding(Finding.Kind.ARCHIVE, "it has an in-place archive, which needs a license (Plan 2, or Plan 1 + Exchange Online Archiving)"));
    }
    if (m.onHold()) {
      List<String> holds = new ArrayList<>();
      if (m.litigationHoldEnabled()) {
        holds.add("Litigation Hold");
      }
      if (!m.inPlaceHolds().isEmpty()) {
        holds.add("In-Place hold " + m.inPlaceHolds());
      }
      findings.add(new Finding(Finding.Kind.HOLD, "it is on " + String.join(" and ", holds) + ", which needs a license"));
    }
    if (m.type() == MailboxType.SHARED) {
      findings.add(new Finding(Finding.Kind.ALREADY_SHARED, addr + " is already a shared mailbox in Exchange Online"));
    }
    if (m.umEnabled()) {
      findings.add(new Finding(Finding.Kind.UM_ENABLED, addr + " is enabled for Unified Messaging" + m.umExtension().map(e -> " and holds extension " + e).orElse("")
          + ", which no other mailbox can use until UM is disabled; Disable-UMMailbox works only on a regular mailbox with a UM-capable license"));
    }
    Optional<Duration> grace = Optional.empty();
    if (m.type() == MailboxType.USER && !u.hasExchangeLicense()) {
      Optional<Instant> since = unlicensedSince(u.userPrincipalName());
      if (since.isPresent()) {
        Duration left = Duration.between(clock.instant(), since.get().plus(Mailbox.UNLICENSED_GRACE_PERIOD));
        if (left.isNegative()) {
          left = Duration.ZERO;
        }
        grace = Optional.of(left);
        findings.add(new Finding(Finding.Kind.UNLICENSED, addr + " is a user mailbox without an Exchange license since " + since.get() + ": "
            + left.toDays() + " days " + left.toHoursPart() + " hours of the 30-day window are left before its content is lost; "
            + "it must be licensed temporarily to convert it"));
      } else {
        findings.add(new Finding(Finding.Kind.UNLICENSED, addr + " is a user mailbox without an Exchange license; this backend does not report "
            + "when the license was removed, so less than 30 days may be left before its content is lost: license it temporarily now"));
      }
    }
    Preflight p = new Preflight(m, u, ad, grace, findings);
    log.debug("Preflight [mailbox={}, findings={}]", addr, findings.stream().map(Finding::kind).toList());
    return p;
  }

  private Optional<Instant> unlicensedSince(Upn upn) {
    // Only the in-memory tenant knows when the grace period started; the ports do not carry it.
    return mailboxes.unlicensedSince(upn);
  }

  private Mailbox resolveMailbox(String identity) {
    // trim() would silently strip a NUL or other control character at either end and resolve to a real mailbox
    if (identity.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != ' ' && ch != '\t')) {
      throw new InvalidInputException("identity", identity.length() > 200 ? identity.substring(0, 200) + "…" : identity,
          "contains a control character");
    }
    String id = identity.trim();
    Optional<Mailbox> found = Optional.empty();
    InvalidInputException parseError = null;
    try {
      found = mailboxes.find(SmtpAddress.of(id));
    } catch (InvalidInputException e) {
      parseError = e;
    }
    Upn upn = null;
    if (found.isEmpty()) {
      try {
        upn = Upn.of(id);
        found = mailboxes.findByUpn(upn);
      } catch (InvalidInputException e) {
        if (parseError != null) {
          throw parseError;
        }
      }
    }
    if (found.isEmpty() && upn != null) {
      Optional<CloudUser> user = cloud.findUser(upn);
      if (user.isPresent() && user.get().isGuest()) {
        throw new ServiceRuleException(Rule.UNSUPPORTED_RECIPIENT, "'" + upn + "' is a guest; guests have no mailbox to convert. Nothing was changed.");
      }
    }
    return found.orElseThrow(() -> new NotFoundException("mailbox", id));
  }

  private Optional<AdUser> findAdUser(Mailbox m) {
    if (onPrem.isEmpty()) {
      return Optional.empty();
    }
    OnPremDirectory dir = onPrem.get();
    List<AdUser> byAddress = dir.findByAddress(m.primarySmtpAddress());
    if (byAddress.size() > 1) {
      throw new AmbiguousMatchException("AD users with mail " + m.primarySmtpAddress(), byAddress.stream().map(a -> a.dn().toString()).toList());
    }
    Optional<AdUser> byUpn = dir.findByUpn(m.userPrincipalName());
    if (byAddress.size() == 1 && byUpn.isPresent() && !byUpn.get().dn().equals(byAddress.get(0).dn())) {
      throw new AmbiguousMatchException("AD users for " + m.primarySmtpAddress() + " (by mail) and " + m.userPrincipalName() + " (by UPN)",
          List.of(byAddress.get(0).dn().toString(), byUpn.get().dn().toString()));
    }
    return byAddress.isEmpty() ? byUpn : Optional.of(byAddress.get(0));
  }

  // ------------------------------------------------------------------------------------------------ plans

  /**
   * Builds the plan that brings the mailbox to {@link ConversionOptions#target()}. Reads only. When every step is
   * already in place the plan is empty and its note says "nothing to do".
   *
   * @param identity the mailbox's address or the owner's UPN
   * @param options what to do
   * @return the plan, id {@code mailbox-to-shared:<upn>} or {@code mailbox-to-regular:<upn>}
   * @throws NotFoundException when there is no such mailbox
   * @throws ServiceRuleException with {@link Rule#UNSUPPORTED_RECIPIENT} for a room, equipment or guest
   * @throws AmbiguousMatchException when two AD users carry the mailbox's address
   * @throws IllegalArgumentException when a repair is needed and no routing domain is given, or the UM trap needs
   *     a UM-capable license and {@link ConversionOptions#license()} is not one
   */
  public Plan plan(String identity, ConversionOptions options) {
    return plan(identity, options, Optional.empty());
  }

  /**
   * Builds the plan as {@link #plan(String, ConversionOptions)} does, remembering what an earlier, interrupted run
   * of the same plan recorded in its journal: a license that run assigned temporarily is still removed at the end,
   * even though the mailbox now looks licensed. Use this to resume after a crash in a new process.
   *
   * @param identity the mailbox's address or the owner's UPN
   * @param options what to do
   * @param journal the journal the earlier run wrote
   * @return the plan
   */
  public Plan plan(String identity, ConversionOptions options, Journal journal) {
    return plan(identity, options, Optional.of(Objects.requireNonNull(journal, "journal == null")));
  }

  private Plan plan(String identity, ConversionOptions options, Optional<Journal> journal) {
    Objects.requireNonNull(options, "options == null");
    Preflight p = preflight(identity);
    requireTargetOu(p, options);
    Context c = new Context(p, options, clock.instant(), journal);
    List<String> notes = new ArrayList<>(p.findings().stream().map(Finding::toString).toList());
    List<Step> steps = new ArrayList<>();
    if (p.has(Finding.Kind.MISSING_ON_PREM_RECORD)) {
      steps.add(stampStep(c));
    }
    if (options.target() == MailboxType.SHARED) {
      toShared(c, steps, notes);
    } else {
      toRegular(c, steps, notes);
    }
    return finish(c.planId, "Convert " + c.addr + " to a " + (options.target() == MailboxType.SHARED ? "shared" : "regular") + " mailbox (" + (p.synced() ? "synced" : "cloud-only") + ")",
        steps, notes);
  }

  /**
   * Builds the plan that stamps the on-prem remote-mailbox record of a synced user whose mailbox was created in
   * the cloud first, as {@code Enable-RemoteMailbox -RemoteRoutingAddress} and {@code Set-RemoteMailbox
   * -ExchangeGuid} would. {@link #plan(String, ConversionOptions)} includes this step when it is needed.
   *
   * <p>Values written: targetAddress {@code SMTP:alias@<routing domain>}; proxyAddresses = the existing ones plus
   * {@code smtp:alias@<routing domain>}; mailNickname = the alias; msExchMailboxGuid = the cloud ExchangeGuid
   * (documented by Microsoft for {@code -ExchangeGuid}); msExchRecipientTypeDetails = RemoteUserMailbox
   * (2147483648) or RemoteSharedMailbox (34359738368) to match the cloud type; msExchRemoteRecipientType = 1
   * (ProvisionMailbox), or 97 (ProvisionMailbox + Shared) for a mailbox already shared in the cloud;
   * msExchRecipientDisplayType = -2147483642 (SyncedMailboxUser). <b>UNCONFIRMED</b>: Microsoft does not document
   * the attributes {@code Enable-RemoteMailbox} writes; 1, 2147483648 and -2147483642 come from community sources,
   * 97 follows from the flag bits but no source shows it, and the display type of a remote shared mailbox has no
   * documented value. Prefer running the rendered cmdlets where Exchange management tools are available.
   *
   * @param identity the mailbox's address or the owner's UPN
   * @param options needs {@link ConversionOptions#routingDomain()}
   * @return the plan, id {@code mailbox-repair:<upn>}; empty with a note when the record is already there
   * @throws IllegalArgumentException when a repair is needed and no routing domain is given
   */
  public Plan repair(String identity, ConversionOptions options) {
    Objects.requireNonNull(options, "options == null");
    Preflight p = preflight(identity);
    Context c = new Context(p, options, clock.instant(), Optional.empty());
    List<String> notes = new ArrayList<>(p.findings().stream().map(Finding::toString).toList());
    List<Step> steps = new ArrayList<>();
    if (p.has(Finding.Kind.MISSING_ON_PREM_RECORD)) {
      steps.add(stampStep(c));
    } else if (!p.synced()) {
      notes.add("cloud-only user: there is no on-prem record to repair");
    }
    return finish("mailbox-repair:" + c.upn, "Stamp the on-prem remote-mailbox record of " + c.addr, steps, notes);
  }

  /**
   * Plans and runs in one call.
   *
   * @param identity the mailbox's address or the owner's UPN
   * @param options what to do
   * @param runner the runner (its journal makes a rerun resume)
   * @return what happened; use {@link RunResult#orThrow()} to fail on a stopped plan
   */
  public RunResult convert(String identity, ConversionOptions options, PlanRunner runner) {
    return runner.run(plan(identity, options));
  }

  private Plan finish(String id, String title, List<Step> steps, List<String> notes) {
    boolean allDone = true;
    for (Step s : steps) {
      try {
        if (!s.isDone()) {
          allDone = false;
          break;
        }
      } catch (M365KitException e) {
        allDone = false;
        break;
      }
    }
    if (allDone) {
      notes.add("nothing to do: every step is already in place");
      return new Plan(id, title, List.of(), notes);
    }
    return new Plan(id, title, steps, notes);
  }

  /** What the steps of one plan share. */
  private final class Context {
    final Preflight p;
    final ConversionOptions o;
    final Instant plannedAt;
    final Upn upn;
    final SmtpAddress addr;
    final Optional<SamAccountName> sam;
    final String adIdentity;
    final String planId;
    final Optional<Journal> journal;

    Context(Preflight p, ConversionOptions o, Instant plannedAt, Optional<Journal> journal) {
      this.p = p;
      this.journal = journal;
      this.o = o;
      this.plannedAt = plannedAt;
      this.upn = p.user().userPrincipalName();
      this.addr = p.mailbox().primarySmtpAddress();
      this.sam = p.onPrem().map(AdUser::samAccountName);
      this.adIdentity = p.onPrem().map(a -> a.dn().toString()).orElse(addr.value());
      this.planId = "mailbox-to-" + (o.target() == MailboxType.SHARED ? "shared" : "regular") + ":" + upn;
    }

    /**
     * @return true when an earlier run of this plan applied the step or stopped in it: a step that failed its
     *     read-back after applying still changed the state, and what it changed must be undone later
     */
    boolean attemptedEarlier(String stepId) {
      return journal.map(j -> j.entries().stream().anyMatch(e -> e.plan().equals(planId) && e.step().equals(stepId)
          && (e.status() == StepStatus.APPLIED || e.status() == StepStatus.FAILED))).orElse(false);
    }

    Mailbox mailbox() {
      return mailboxes.findByUpn(upn).orElseThrow(() -> new NotFoundException("mailbox", addr.value()));
    }

    CloudUser user() {
      return cloud.getUser(upn);
    }

    /** @return the AD user, read again by sAMAccountName (stable across moves); empty when it cannot be read */
    Optional<AdUser> ad() {
      if (onPrem.isEmpty() || sam.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(onPrem.get().findBySamAccountName(sam.get()).orElseThrow(() -> new NotFoundException("AD user", sam.get().value())));
    }

    Optional<String> onPremMissing() {
      if (onPrem.isEmpty()) {
        return Optional.of("no on-prem directory is configured; run this step's PowerShell on-prem, then run the plan again");
      }
      if (sam.isEmpty()) {
        return Optional.of("no AD user was found for " + addr);
      }
      return Optional.empty();
    }

    boolean onPremReads(MailboxType type) {
      Optional<AdUser> a = ad();
      return a.isPresent() && a.get().hasRemoteMailboxRecord()
          && MailboxType.fromOnPrem(a.get().recipientTypeDetails().orElseThrow(), a.get().remoteRecipientType().orElse(null)) == type
          && a.get().recipientTypeDetails().orElseThrow().equals(type.remoteRecipientType());
    }
  }

  private static boolean hasUmLicense(CloudUser u) {
    return u.licenses().stream().anyMatch(l -> l.unifiedMessaging() && l.hasExchangePlan());
  }

  private static Supplier<Optional<String>> guards(List<Supplier<Optional<String>>> guards) {
    return () -> {
      for (Supplier<Optional<String>> g : guards) {
        Optional<String> r = g.get();
        if (r.isPresent()) {
          return r;
        }
      }
      return Optional.empty();
    };
  }

  private Supplier<Optional<String>> readsShared(Context c) {
    return () -> {
      Mailbox m = c.mailbox();
      return m.type() == MailboxType.SHARED ? Optional.empty()
          : Optional.of(c.addr + " reads back as " + m.type().cmdletType() + ", not Shared: this step runs only after the conversion is verified");
    };
  }

  private Supplier<Optional<String>> onPremShared(Context c) {
    return () -> {
      if (!c.p.synced()) {
        return Optional.empty();
      }
      Optional<String> missing = c.onPremMissing();
      if (missing.isPresent()) {
        return missing;
      }
      return c.onPremReads(MailboxType.SHARED) ? Optional.empty()
          : Optional.of("on-prem AD does not read remote shared for " + c.addr + ": the next directory sync would make the mailbox a user mailbox again");
    };
  }

  private Supplier<Optional<String>> licensed(Context c, String why) {
    return () -> c.user().hasExchangeLicense() ? Optional.empty() : Optional.of(c.upn + " holds no Exchange Online license: " + why);
  }

  private void toShared(Context c, List<Step> steps, List<String> notes) {
    Preflight p = c.p;
    Mailbox m = p.mailbox();
    CloudUser u = p.user();
    ConversionOptions o = c.o;
    boolean um = m.umEnabled();
    boolean needLicenseToConvert = m.type() == MailboxType.USER && !u.hasExchangeLicense();
    boolean needLicenseForUm = um && !hasUmLicense(u);
    boolean tempLicense = ((needLicenseToConvert || needLicenseForUm) && !u.licenses().contains(o.license())) || c.attemptedEarlier("license-temporarily");
    if (needLicenseForUm && !o.license().unifiedMessaging()) {
      throw new IllegalArgumentException("disabling Unified Messaging on " + c.addr + " needs a UM-capable license, and " + o.license()
          + " is not one: pass one with ConversionOptions.withLicense, e.g. License.OFFICE_365_E3");
    }
    License lic = o.license();
    if (tempLicense) {
      steps.add(Step.builder().id("license-temporarily")
          .description("Assign " + lic + " to " + c.upn + " for the conversion" + (um ? " and for Disable-UMMailbox (UM-capable)" : "")
              + "; it is removed again once the mailbox is shared")
          .powershellLines(List.of(Commands.addLicense(c.upn, lic)))
          .isDone(() -> {
            Mailbox now = c.mailbox();
            if (now.type() == MailboxType.SHARED && !now.umEnabled()) {
              return true;
            }
            CloudUser who = c.user();
            return who.licenses().contains(lic) || (who.hasExchangeLicense() && (!now.umEnabled() || hasUmLicense(who)));
          })
          .apply(() -> cloud.assignLicense(c.upn, lic))
          .build());
    }
    if (um && m.type() == MailboxType.SHARED) {
      steps.add(Step.builder().id("convert-to-regular")
          .description("Convert " + c.addr + " back to a regular mailbox so that Unified Messaging can be disabled (the UM trap)")
          .powershellLines(List.of(Commands.setMailboxType(c.addr, MailboxType.USER)))
          .isDone(() -> {
            Mailbox now = c.mailbox();
            return now.type() == MailboxType.USER || !now.umEnabled();
          })
          .guard(licensed(c, "a regular mailbox without a license starts the 30-day countdown to data loss"))
          .apply(() -> mailboxes.setType(c.addr, MailboxType.USER))
          .build());
    }
    if (um) {
      steps.add(Step.builder().id("disable-um")
          .description("Disable Unified Messaging on " + c.addr + m.umExtension().map(e -> ", freeing extension " + e).orElse(""))
          .powershellLines(List.of(Commands.disableUmMailbox(c.addr)))
          .isDone(() -> !c.mailbox().umEnabled())
          .guard(() -> hasUmLicense(c.user()) ? Optional.empty()
              : Optional.of(c.upn + " holds no UM-capable license: Disable-UMMailbox fails with a license validation error"))
          .apply(() -> {
            if (c.mailbox().type() != MailboxType.USER) {
              // a directory sync since convert-to-regular followed the on-prem "shared" again: Disable-UMMailbox
              // works only on a regular mailbox, and the UM-capable license the guard checked keeps it licensed
              mailboxes.setType(c.addr, MailboxType.USER);
            }
            mailboxes.disableUnifiedMessaging(c.addr);
          })
          .build());
    }
    p.onPrem().filter(AdUser::umEnabled).ifPresent(a -> steps.add(Step.builder().id("clear-um-on-prem")
        .description("Clear the Unified Messaging attributes and EUM proxy addresses of " + a.dn())
        .powershellLines(List.of(Commands.clearUmAttributes(a.dn().toString(),
            a.proxyAddresses().stream().filter(x -> x.regionMatches(true, 0, "EUM:", 0, 4)).toList())))
        .isDone(() -> c.ad().map(x -> !x.umEnabled()).orElse(false))
        .apply(() -> onPrem.orElseThrow().clearUnifiedMessaging(c.ad().orElseThrow().dn()))
        .build()));
    if (p.synced()) {
      RemoteRecipientType shown = p.onPrem().filter(AdUser::hasRemoteMailboxRecord).flatMap(AdUser::remoteRecipientType)
          .orElse(p.has(Finding.Kind.MISSING_ON_PREM_RECORD) ? RemoteRecipientType.PROVISION_MAILBOX : RemoteRecipientType.MIGRATED).withShared();
      String kbForm = p.onPrem().isPresent()
          ? Commands.setAdUserRecipientTypes(c.adIdentity, shown, RecipientTypeDetails.REMOTE_SHARED_MAILBOX)
          : Commands.setAdUserRecipientTypesByRecipient(c.addr, shown, RecipientTypeDetails.REMOTE_SHARED_MAILBOX);
      steps.add(Step.builder().id("on-prem-remote-shared")
          .description("Set the on-prem object of " + c.addr + " to a remote shared mailbox (msExchRemoteRecipientType " + shown.value()
              + ", msExchRecipientTypeDetails " + RecipientTypeDetails.REMOTE_SHARED_MAILBOX.value() + ") so directory sync keeps it shared")
          .powershellLines(List.of(Commands.setRemoteMailboxType(c.addr, MailboxType.SHARED),
              Commands.alternative("without Exchange management tools (KB 2710029; direct AD edits are unsupported)", kbForm)))
          .isDone(() -> c.onPremMissing().isEmpty() && c.onPremReads(MailboxType.SHARED))
          .guard(() -> c.onPremMissing().or(() -> c.ad().filter(a -> !a.hasRemoteMailboxRecord())
              .map(a -> a.dn() + " has no remote-mailbox record: repair it first")))
          .apply(() -> {
            AdUser a = c.ad().orElseThrow();
            RemoteRecipientType remote = a.remoteRecipientType().orElse(RemoteRecipientType.MIGRATED).withShared();
            onPrem.orElseThrow().setRecipientTypes(a.dn(), remote, RecipientTypeDetails.REMOTE_SHARED_MAILBOX, Optional.empty());
          })
          .build());
    }
    steps.add(Step.builder().id("set-mailbox-shared")
        .description("Convert " + c.addr + " to a shared mailbox in Exchange Online and verify it reads back as shared")
        .powershellLines(List.of(Commands.setMailboxType(c.addr, MailboxType.SHARED)))
        .isDone(() -> c.mailbox().type() == MailboxType.SHARED)
        .guard(guards(List.of(onPremShared(c), licensed(c, "Set-Mailbox -Type Shared needs a licensed mailbox"))))
        .apply(() -> mailboxes.setType(c.addr, MailboxType.SHARED))
        .build());

    Set<UUID> remove = new LinkedHashSet<>();
    if (o.removeLicenses()) {
      u.licenses().forEach(l -> remove.add(l.skuId()));
    }
    if (tempLicense) {
      remove.add(lic.skuId());
    }
    Optional<String> refusal = p.licenseRemovalRefusal();
    if (!remove.isEmpty() && refusal.isPresent()) {
      notes.add(refusal.get() + "; the licenses stay assigned");
    } else if (!remove.isEmpty()) {
      steps.add(Step.builder().id(o.removeLicenses() ? "remove-licenses" : "restore-licenses")
          .description(o.removeLicenses() ? "Remove the licenses of " + c.upn + " now that the mailbox is shared"
              : "Remove the temporary " + lic + " license from " + c.upn + ", restoring its license state")
          .powershellLines(List.of(Commands.removeLicenses(c.upn, remove)))
          .isDone(() -> c.user().licenses().stream().noneMatch(l -> remove.contains(l.skuId())))
          .guard(guards(List.of(readsShared(c), onPremShared(c), () -> {
            List<String> reasons = c.mailbox().licenseRequiredReasons();
            return reasons.isEmpty() ? Optional.empty()
                : Optional.of("license removal refused for " + c.addr + ": " + String.join("; ", reasons));
          })))
          .apply(() -> cloud.removeLicenses(c.upn, remove))
          .build());
    }
    if (o.disableAccount()) {
      steps.add(disableAccountStep(c));
    }
    moveStep(c, notes, true).ifPresent(steps::add);
    if (o.revokeSessions()) {
      steps.add(Step.builder().id("revoke-sessions")
          .description("Revoke the sign-in sessions of " + c.upn)
          .powershellLines(List.of(Commands.revokeSessions(c.upn)))
          .isDone(() -> c.user().signInSessionsValidFrom().map(t -> !t.isBefore(c.plannedAt)
              // revoked earlier and the account can no longer sign in: a rerun has nothing to revoke
              || !c.user().accountEnabled() || c.ad().map(AdUser::isDisabled).orElse(false)).orElse(false))
          .guard(readsShared(c))
          .apply(() -> cloud.revokeSignInSessions(c.upn))
          .build());
    }
  }

  private Step disableAccountStep(Context c) {
    if (c.p.synced()) {
      return Step.builder().id("disable-account")
          .description("Disable the AD account " + c.adIdentity + " (synced: accountEnabled is on-prem mastered, so it changes in AD, never in the cloud)")
          .powershellLines(List.of(Commands.disableAdAccount(c.adIdentity)))
          .isDone(() -> c.onPremMissing().isEmpty() && c.ad().map(AdUser::isDisabled).orElse(false))
          .guard(guards(List.of(c::onPremMissing, readsShared(c))))
          .apply(() -> onPrem.orElseThrow().setAccountDisabled(c.ad().orElseThrow().dn(), true))
          .build();
    }
    return Step.builder().id("block-sign-in")
        .description("Block cloud sign-in of " + c.upn + " (cloud-only) and keep it blocked; the account anchors the shared mailbox, so it is never deleted")
        .powershellLines(List.of(Commands.setCloudAccountEnabled(c.upn, false)))
        .isDone(() -> !c.user().accountEnabled())
        .guard(readsShared(c))
        .apply(() -> cloud.setAccountEnabled(c.upn, false))
        .build();
  }

  /**
   * A mistyped target OU is found before anything changes: otherwise the plan would convert, remove the licenses and
   * disable the account, and only then stop at the move.
   */
  private void requireTargetOu(Preflight p, ConversionOptions options) {
    if (options.moveTo().isEmpty() || !p.synced() || onPrem.isEmpty() || p.onPrem().isEmpty()) {
      return;
    }
    DistinguishedName ou = options.moveTo().get();
    if (!p.onPrem().get().dn().parent().equals(ou) && !onPrem.get().containerExists(ou)) {
      throw new NotFoundException("organizational unit", ou.toString(), "organizational unit '" + ou + "' to move the account of "
          + p.user().userPrincipalName() + " to was not found in AD; nothing was changed");
    }
  }

  private Optional<Step> moveStep(Context c, List<String> notes, boolean requireShared) {
    if (c.o.moveTo().isEmpty()) {
      return Optional.empty();
    }
    DistinguishedName ou = c.o.moveTo().get();
    if (!c.p.synced()) {
      notes.add("moveTo " + ou + " ignored: " + c.upn + " is cloud-only and has no AD object");
      return Optional.empty();
    }
    List<Supplier<Optional<String>>> g = new ArrayList<>();
    g.add(c::onPremMissing);
    if (requireShared) {
      g.add(readsShared(c));
    }
    return Optional.of(Step.builder().id("move-account")
        .description("Move the AD account of " + c.upn + " to " + ou)
        .powershellLines(List.of(Commands.moveAdObject(c.adIdentity, ou)))
        .isDone(() -> c.onPremMissing().isEmpty() && c.ad().map(a -> a.dn().parent().equals(ou)).orElse(false))
        .guard(guards(g))
        .apply(() -> onPrem.orElseThrow().move(c.ad().orElseThrow().dn(), ou))
        .build());
  }

  private void toRegular(Context c, List<Step> steps, List<String> notes) {
    License lic = c.o.license();
    steps.add(Step.builder().id("assign-license")
        .description("Assign " + lic + " to " + c.upn + " before the mailbox becomes a user mailbox (an unlicensed user mailbox loses its content after 30 days)")
        .powershellLines(List.of(Commands.addLicense(c.upn, lic)))
        .isDone(() -> c.user().hasExchangeLicense())
        .apply(() -> cloud.assignLicense(c.upn, lic))
        .build());
    Supplier<Optional<String>> licensed = licensed(c, "a user mailbox must be licensed first");
    if (c.p.synced()) {
      RemoteRecipientType shown = regularRemote(c.p.onPrem().filter(AdUser::hasRemoteMailboxRecord).flatMap(AdUser::remoteRecipientType)
          .orElse(c.p.has(Finding.Kind.MISSING_ON_PREM_RECORD) ? RemoteRecipientType.PROVISION_MAILBOX : RemoteRecipientType.MIGRATED_SHARED));
      String kbForm = c.p.onPrem().isPresent()
          ? Commands.setAdUserRecipientTypes(c.adIdentity, shown, RecipientTypeDetails.REMOTE_USER_MAILBOX)
          : Commands.setAdUserRecipientTypesByRecipient(c.addr, shown, RecipientTypeDetails.REMOTE_USER_MAILBOX);
      steps.add(Step.builder().id("on-prem-remote-regular")
          .description("Set the on-prem object of " + c.addr + " to a remote user mailbox (msExchRemoteRecipientType " + shown.value()
              + ", msExchRecipientTypeDetails " + RecipientTypeDetails.REMOTE_USER_MAILBOX.value() + ")")
          .powershellLines(List.of(Commands.setRemoteMailboxType(c.addr, MailboxType.USER),
              Commands.alternative("without Exchange management tools (direct AD edits are unsupported)", kbForm)))
          .isDone(() -> c.onPremMissing().isEmpty() && c.onPremReads(MailboxType.USER))
          .guard(guards(List.of(c::onPremMissing, licensed)))
          .apply(() -> {
            AdUser a = c.ad().orElseThrow();
            RemoteRecipientType remote = regularRemote(a.remoteRecipientType().orElse(RemoteRecipientType.MIGRATED_SHARED));
            onPrem.orElseThrow().setRecipientTypes(a.dn(), remote, RecipientTypeDetails.REMOTE_USER_MAILBOX, Optional.empty());
          })
          .build());
    }
    steps.add(Step.builder().id("set-mailbox-regular")
        .description("Convert " + c.addr + " to a regular user mailbox in Exchange Online")
        .powershellLines(List.of(Commands.setMailboxType(c.addr, MailboxType.USER)))
        .isDone(() -> c.mailbox().type() == MailboxType.USER)
        .guard(licensed)
        .apply(() -> mailboxes.setType(c.addr, MailboxType.USER))
        .build());
    if (c.p.synced()) {
      steps.add(Step.builder().id("enable-account")
          .description("Enable the AD account " + c.adIdentity)
          .powershellLines(List.of(Commands.enableAdAccount(c.adIdentity)))
          .isDone(() -> c.onPremMissing().isEmpty() && c.ad().map(a -> !a.isDisabled()).orElse(false))
          .guard(c::onPremMissing)
          .apply(() -> onPrem.orElseThrow().setAccountDisabled(c.ad().orElseThrow().dn(), false))
          .build());
    } else {
      steps.add(Step.builder().id("allow-sign-in")
          .description("Allow cloud sign-in of " + c.upn)
          .powershellLines(List.of(Commands.setCloudAccountEnabled(c.upn, true)))
          .isDone(() -> c.user().accountEnabled())
          .apply(() -> cloud.setAccountEnabled(c.upn, true))
          .build());
    }
    moveStep(c, notes, false).ifPresent(steps::add);
  }

  /** Shared cleared, other flags kept (100 becomes 4); a value left with no flag becomes ProvisionMailbox (1). */
  private static RemoteRecipientType regularRemote(RemoteRecipientType current) {
    RemoteRecipientType r = current.withoutShared();
    return r.value() == 0 ? RemoteRecipientType.PROVISION_MAILBOX : r;
  }

  private Step stampStep(Context c) {
    String domain = c.o.routingDomain().orElseThrow(() -> new IllegalArgumentException("the on-prem record of " + c.addr
        + " must be repaired first, which needs the hybrid routing domain: ConversionOptions.withRoutingDomain(\"<tenant>.mail.onmicrosoft.com\")"));
    AdUser a0 = c.p.onPrem().orElseThrow();
    String alias0 = a0.mailNickname().orElse(c.p.mailbox().alias());
    SmtpAddress routing = SmtpAddress.of(alias0 + "@" + domain);
    boolean shared0 = c.p.mailbox().type() == MailboxType.SHARED;
    UUID guid = c.p.mailbox().exchangeGuid();
    return Step.builder().id("stamp-remote-mailbox")
        .description("Create the on-prem remote-mailbox record of " + a0.dn() + " (routing address " + routing + ", ExchangeGuid " + guid
            + ") so that on-prem Exchange knows the cloud mailbox")
        .powershellLines(List.of(Commands.enableRemoteMailbox(a0.dn().toString(), routing, shared0), Commands.setRemoteMailboxGuid(a0.dn().toString(), guid)))
        .isDone(() -> c.ad().map(a -> a.hasRemoteMailboxRecord() && a.mailboxGuid().map(c.mailbox().exchangeGuid()::equals).orElse(false)).orElse(false))
        .guard(c::onPremMissing)
        .apply(() -> {
          AdUser a = c.ad().orElseThrow();
          Mailbox m = c.mailbox();
          onPrem.orElseThrow().stampRemoteMailbox(a.dn(), remoteRecord(a, m, domain));
        })
        .build();
  }

  static RemoteMailboxRecord remoteRecord(AdUser a, Mailbox m, String routingDomain) {
    String alias = a.mailNickname().orElse(m.alias());
    SmtpAddress routing = SmtpAddress.of(alias + "@" + routingDomain);
    List<String> proxies = new ArrayList<>(a.proxyAddresses());
    String routingProxy = "smtp:" + routing.value();
    if (proxies.stream().noneMatch(x -> x.equalsIgnoreCase(routingProxy))) {
      proxies.add(routingProxy);
    }
    boolean shared = m.type() == MailboxType.SHARED;
    RemoteRecipientType remote = shared ? RemoteRecipientType.PROVISION_MAILBOX.withShared() : RemoteRecipientType.PROVISION_MAILBOX;
    RecipientTypeDetails details = shared ? RecipientTypeDetails.REMOTE_SHARED_MAILBOX : RecipientTypeDetails.REMOTE_USER_MAILBOX;
    return new RemoteMailboxRecord("SMTP:" + routing.value(), proxies, alias, remote, details, RecipientDisplayType.SYNCED_MAILBOX_USER, m.exchangeGuid());
  }

  // ------------------------------------------------------------------------------------------------ explain

  /**
   * Explains a service refusal met while converting, with the fix. Looks through causes, so a
   * {@link io.github.m365kit.plan.PlanFailedException} can be passed as is.
   *
   * @param error any error
   * @return the explanation, or empty when the error is not a service rule this class knows
   */
  public static Optional<Explanation> explain(Throwable error) {
    Throwable t = error;
    while (t != null && !(t instanceof ServiceRuleException)) {
      t = t.getCause();
    }
    if (!(t instanceof ServiceRuleException s)) {
      return Optional.empty();
    }
    switch (s.rule()) {
      case UM_LICENSE_VALIDATION:
        return Optional.of(new Explanation(s.rule(), "Disable-UMMailbox only works on a regular (user) mailbox that holds a UM-capable license; "
            + "this mailbox is shared or has no such license, and while UM stays enabled it keeps its extension, so no other mailbox can use it.",
            "Convert the mailbox back to regular, assign a UM-capable license (e.g. Office 365 E3), run Disable-UMMailbox, convert it to shared "
            + "again and restore the license state: MailboxConverter.plan(identity, ConversionOptions.toShared()) builds exactly these steps."));
      case UM_ALREADY_DISABLED:
        return Optional.of(new Explanation(s.rule(), "The mailbox is not enabled for Unified Messaging, so there is no extension on it to free.",
            "Nothing to disable: skip the step. If an extension still seems taken, look for the mailbox that holds it and disable UM there."));
      case CONVERSION_REQUIRES_LICENSE:
        return Optional.of(new Explanation(s.rule(), "Set-Mailbox -Type Shared needs the user mailbox to hold an Exchange Online license at that moment.",
            "Assign a license temporarily, convert, then remove it; the converter's plan adds these steps when preflight finds the mailbox unlicensed."));
      case SHARED_MAILBOX_REQUIRES_LICENSE:
        return Optional.of(new Explanation(s.rule(), "A shared mailbox over 50 GB, with an in-place archive or on hold must keep a license.",
            "Keep the license (Exchange Online Plan 2, or Plan 1 + Exchange Online Archiving), or reduce the mailbox and lift the hold first."));
      case ON_PREMISES_MASTERED:
        return Optional.of(new Explanation(s.rule(), "The user is synchronised from on-prem AD, so the cloud refuses changes to properties AD owns.",
            "Make the change in AD (e.g. Disable-ADAccount) and let directory sync carry it to the cloud."));
      case UM_EXTENSION_IN_USE:
        return Optional.of(new Explanation(s.rule(), "Another mailbox in the dial plan still holds the UM extension, even if it was converted to shared.",
            "Release the extension on the holding mailbox: plan it to shared with MailboxConverter, which runs Disable-UMMailbox the way the service accepts."));
      case MAILBOX_DISCONNECTED:
        return Optional.of(new Explanation(s.rule(), "The mailbox was unlicensed for more than 30 days and was disconnected; its content is gone.",
            "Restore from a backup or a retention policy if one exists; a license assigned now provisions a new, empty mailbox."));
      default:
        return Optional.empty();
    }
  }
}
