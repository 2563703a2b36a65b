package io.github.m365kit.memory;

import io.github.m365kit.ConflictException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.ImmutableAdUser;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.OnPremDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An in-memory on-prem Active Directory holding users and organisational units.
 *
 * <p>Emulates: users addressed by DN (case-insensitive); look-up by userPrincipalName, sAMAccountName, mail and
 * proxyAddresses ({@code SMTP:}/{@code smtp:}, case-insensitive); a move to an OU that does not exist fails with
 * noSuchObject; a move onto an existing DN fails with entryAlreadyExists; userAccountControl bit arithmetic; no
 * delete. Does not emulate: schema checking (the embedded LDAP server in m365kit-ldap does), replication, referrals,
 * paging limits. Fault injection and latency through {@link Faults}, shared with the tenant it is created by.
 * Thread-safe (one lock).
 */
public final class InMemoryOnPremDirectory implements OnPremDirectory {
  private final Map<DistinguishedName, AdUser> users = new LinkedHashMap<>();
  private final Set<DistinguishedName> containers = new LinkedHashSet<>();
  private final DistinguishedName baseDn;
  private final Faults faults;

  /**
   * @param baseDn the domain root, e.g. {@code DC=contoso,DC=com}
   */
  public InMemoryOnPremDirectory(DistinguishedName baseDn) {
    this(baseDn, new Faults());
  }

  /**
   * @param baseDn the domain root
   * @param faults the fault injector to consult before each call
   */
  public InMemoryOnPremDirectory(DistinguishedName baseDn, Faults faults) {
    this.baseDn = baseDn;
    this.faults = faults;
    containers.add(baseDn);
  }

  /**
   * The demo directory: {@code DC=contoso,DC=com} with the cast of {@link DemoCast} under {@code OU=Staff} and an
   * empty {@code OU=Departed}.
   *
   * @return a new directory
   */
  public static InMemoryOnPremDirectory demo() {
    InMemoryOnPremDirectory d = new InMemoryOnPremDirectory(DemoCast.BASE_DN);
    d.addContainer(DemoCast.STAFF_OU).addContainer(DemoCast.DEPARTED_OU);
    DemoCast.adUsers().forEach(d::add);
    return d;
  }

  /** @return the domain root */
  public DistinguishedName baseDn() {
    return baseDn;
  }

  /** @return the fault injector */
  public Faults faults() {
    return faults;
  }

  /**
   * Adds an organisational unit (and its missing parents under the base).
   *
   * @param ou the OU
   * @return this
   */
  public synchronized InMemoryOnPremDirectory addContainer(DistinguishedName ou) {
    DistinguishedName d = ou;
    while (d.isAtOrUnder(baseDn) && containers.add(d) && !d.equals(baseDn)) {
      d = d.parent();
    }
    return this;
  }

  /**
   * Adds a user; its parent container is created if missing.
   *
   * @param user the user
   * @return this
   * @throws ConflictException when a user with that DN or sAMAccountName exists
   */
  public synchronized InMemoryOnPremDirectory add(AdUser user) {
    if (users.containsKey(user.dn())) {
      throw new ConflictException("Entry " + user.dn() + " already exists");
    }
    for (AdUser u : users.values()) {
      if (u.samAccountName().equals(user.samAccountName())) {
        throw new ConflictException("sAMAccountName " + user.samAccountName() + " is already used by " + u.dn());
      }
    }
    addContainer(user.dn().parent());
    users.put(user.dn(), user);
    return this;
  }

  /** @return every user, in insertion order */
  public synchronized List<AdUser> users() {
    return List.copyOf(users.values());
  }

  /** @return every container */
  public synchronized Set<DistinguishedName> containers() {
    return Set.copyOf(containers);
  }

  @Override
  public synchronized Optional<AdUser> findByUpn(Upn upn) {
    faults.before("findByUpn");
    List<AdUser> found = users.values().stream().filter(u -> u.userPrincipalName().map(upn::equals).orElse(false)).toList();
    if (found.size() > 1) {
      // AD does not enforce UPN uniqueness on every path; like the LDAP adapter, never guess which one was meant
      throw new io.github.m365kit.AmbiguousMatchException("userPrincipalName " + upn, found.stream().map(u -> u.dn().toString()).toList());
    }
    return found.stream().findFirst();
  }

  @Override
  public synchronized Optional<AdUser> findBySamAccountName(SamAccountName sam) {
    faults.before("findBySamAccountName");
    return users.values().stream().filter(u -> u.samAccountName().equals(sam)).findFirst();
  }

  @Override
  public synchronized List<AdUser> findByAddress(SmtpAddress address) {
    faults.before("findByAddress");
    String smtp = "smtp:" + address.value().toLowerCase(Locale.ROOT);
    List<AdUser> out = new ArrayList<>();
    for (AdUser u : users.values()) {
      boolean byMail = u.mail().map(address::equals).orElse(false);
      boolean byProxy = u.proxyAddresses().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).equals(smtp));
      if (byMail || byProxy) {
        out.add(u);
      }
    }
    return out;
  }

  @Override
  public synchronized AdUser get(DistinguishedName dn) {
    faults.before("get");
    AdUser u = users.get(dn);
    if (u == null) {
      throw new NotFoundException("AD user", dn.toString());
    }
    return u;
  }

  @Override
  public void forEachUser(DistinguishedName base, Consumer<AdUser> visitor) {
    faults.before("forEachUser");
    List<AdUser> snapshot;
    synchronized (this) {
      if (!containers.contains(base) && !users.containsKey(base)) {
        throw new NotFoundException("search base", base.toString());
      }
      snapshot = users.values().stream().filter(u -> u.dn().isAtOrUnder(base)).toList();
    }
    snapshot.forEach(visitor);
  }

  @Override
  public synchronized void setRecipientTypes(DistinguishedName dn, RemoteRecipientType remote, RecipientTypeDetails details, Optional<RecipientDisplayType> display) {
    faults.before("setRecipientTypes");
    AdUser u = existing(dn);
    ImmutableAdUser next = ImmutableAdUser.copyOf(u).withRemoteRecipientType(remote).withRecipientTypeDetails(details);
    if (display.isPresent()) {
      next = next.withRecipientDisplayType(display.get());
    }
    users.put(dn, next);
  }

  @Override
  public synchronized void stampRemoteMailbox(DistinguishedName dn, RemoteMailboxRecord r) {
    faults.before("stampRemoteMailbox");
    AdUser u = existing(dn);
    users.put(dn, ImmutableAdUser.copyOf(u)
        .withTargetAddress(r.targetAddress())
        .withProxyAddresses(r.proxyAddresses())
        .withMailNickname(r.mailNickname())
        .withRemoteRecipientType(r.remoteRecipientType())
        .withRecipientTypeDetails(r.recipientTypeDetails())
        .withRecipientDisplayType(r.recipientDisplayType())
        .withMailboxGuid(r.mailboxGuid()));
  }

  @Override
  public synchronized void clearUnifiedMessaging(DistinguishedName dn) {
    faults.before("clearUnifiedMessaging");
    AdUser u = existing(dn);
    List<String> proxies = u.proxyAddresses().stream().filter(p -> !p.toUpperCase(Locale.ROOT).startsWith("EUM:")).toList();
    users.put(dn, ImmutableAdUser.copyOf(u).withProxyAddresses(proxies).withUmEnabledFlags(Optional.empty()));
  }

  @Override
  public synchronized void setAccountDisabled(DistinguishedName dn, boolean disabled) {
    faults.before("setAccountDisabled");
    AdUser u = existing(dn);
    int uac = disabled ? u.userAccountControl() | AdUser.ACCOUNTDISABLE : u.userAccountControl() & ~AdUser.ACCOUNTDISABLE;
    users.put(dn, ImmutableAdUser.copyOf(u).withUserAccountControl(uac));
  }

  @Override
  public synchronized boolean containerExists(DistinguishedName dn) {
    faults.before("containerExists");
    return containers.contains(Objects.requireNonNull(dn, "dn == null"));
  }

  @Override
  public synchronized DistinguishedName move(DistinguishedName dn, DistinguishedName newParent) {
    faults.before("move");
    AdUser u = existing(dn);
    if (!containers.contains(newParent)) {
      throw new NotFoundException("organizational unit", newParent.toString());
    }
    DistinguishedName target = newParent.child(dn.rdn().type(), dn.rdn().value());
    if (target.equals(dn)) {
      return dn;
    }
    if (users.containsKey(target)) {
      throw new ConflictException("Entry " + target + " already exists");
    }
    users.remove(dn);
    users.put(target, ImmutableAdUser.copyOf(u).withDn(target));
    return target;
  }

  private AdUser existing(DistinguishedName dn) {
    AdUser u = users.get(dn);
    if (u == null) {
      throw new NotFoundException("AD user", dn.toString());
    }
    return u;
  }
}
