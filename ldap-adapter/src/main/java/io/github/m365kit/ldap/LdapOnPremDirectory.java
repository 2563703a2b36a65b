package io.github.m365kit.ldap;

import static io.github.m365kit.ldap.AdUserMapper.PROXY_ADDRESSES;
import static io.github.m365kit.ldap.AdUserMapper.UAC;
import static io.github.m365kit.ldap.AdUserMapper.UM_ATTRIBUTES;
import static io.github.m365kit.ldap.AdUserMapper.fromEntry;
import static io.github.m365kit.ldap.AdUserMapper.toLdap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.AbstractConnectionPool;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.github.m365kit.AmbiguousMatchException;
import io.github.m365kit.ConflictException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.OnPremDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OnPremDirectory} over any UnboundID {@link LDAPInterface}: an {@code LDAPConnection}, an
 * {@code LDAPConnectionPool} or an {@code InMemoryDirectoryServer}. Create it with {@link LdapBackend}.
 *
 * <p>Behaviour against Active Directory:
 * <ul>
 *   <li>Filters are built with {@link Filter}'s factory methods, so no input can change a filter's structure; DNs
 *       are built from RDN values, so no input can change a name's structure.</li>
 *   <li>Searches page with the simple paged results control, {@value #PAGE_SIZE} entries per page (AD's
 *       MaxPageSize), on one pooled connection for the whole search.</li>
 *   <li>Referrals never abort a search: by default they are skipped ({@link ReferralPolicy}).</li>
 *   <li>Numbers are 64-bit; userAccountControl bits are computed here (no bitwise matching rule is needed) and
 *       written as delete-old/add-new, so a concurrent change is detected and the change retried.</li>
 *   <li>GUIDs ({@code objectGUID}, {@code msExchMailboxGuid}) are read and written as 16 bytes in AD's order.</li>
 *   <li>{@link #findByUpn} and {@link #findBySamAccountName} throw {@link AmbiguousMatchException} when two users
 *       match, rather than pick one.</li>
 *   <li>{@link #forEachUser} throws {@link NotFoundException} when the search base does not exist.</li>
 * </ul>
 * Every LDAP failure is translated into the {@link io.github.m365kit.M365KitException} hierarchy. Thread-safe when
 * the underlying {@link LDAPInterface} is (pools and the in-memory server are).
 */
public final class LdapOnPremDirectory implements OnPremDirectory, AutoCloseable {
  /** Entries requested per page: AD's default MaxPageSize. */
  public static final int PAGE_SIZE = 1000;

  private static final Logger log = LoggerFactory.getLogger(LdapOnPremDirectory.class);
  private static final String USER = "AD user";
  private static final String OU = "organizational unit";
  private static final int ATTEMPTS = 3;
  private static final Filter IS_USER = Filter.createANDFilter(
      Filter.createEqualityFilter("objectClass", "user"),
      Filter.createNOTFilter(Filter.createEqualityFilter("objectClass", "computer")));
  /**
   * What can hold users: OUs, containers (CN=Users), the domain (AD's domainDNS is a kind of domain), and the CN
   * containers the embedded server writes as organizationalRole.
   */
  private static final Filter IS_CONTAINER = Filter.createORFilter(
      Filter.createEqualityFilter("objectClass", "organizationalUnit"), Filter.createEqualityFilter("objectClass", "container"),
      Filter.createEqualityFilter("objectClass", "domain"), Filter.createEqualityFilter("objectClass", "domainDNS"),
      Filter.createEqualityFilter("objectClass", "builtinDomain"), Filter.createEqualityFilter("objectClass", "organizationalRole"));

  private final LDAPInterface ldap;
  private final DistinguishedName baseDn;
  private final ReferralPolicy referrals;
  private final AutoCloseable owned;

  LdapOnPremDirectory(LDAPInterface ldap, DistinguishedName baseDn, ReferralPolicy referrals, AutoCloseable owned) {
    this.ldap = Objects.requireNonNull(ldap, "ldap == null");
    this.baseDn = Objects.requireNonNull(baseDn, "baseDn == null");
    this.referrals = Objects.requireNonNull(referrals, "referrals == null");
    this.owned = owned;
  }

  /** @return the domain root look-ups search under */
  public DistinguishedName baseDn() {
    return baseDn;
  }

  /** @return what searches do with referrals */
  public ReferralPolicy referralPolicy() {
    return referrals;
  }

  /**
   * Returns a directory on the same connection with another referral policy; the new one does not own the
   * connection.
   *
   * @param policy the policy
   * @return the new directory
   */
  public LdapOnPremDirectory withReferralPolicy(ReferralPolicy policy) {
    return new LdapOnPremDirectory(ldap, baseDn, policy, null);
  }

  @Override
  public Optional<AdUser> findByUpn(Upn upn) {
    return single("userPrincipalName " + upn.value(), Filter.createEqualityFilter(AdUserMapper.UPN, upn.value()));
  }

  @Override
  public Optional<AdUser> findBySamAccountName(SamAccountName sam) {
    return single("sAMAccountName " + sam.value(), Filter.createEqualityFilter(AdUserMapper.SAM, sam.value()));
  }

  @Override
  public List<AdUser> findByAddress(SmtpAddress address) {
    // proxyAddresses matches case-insensitively (AD and the embedded schema), so "smtp:" also finds "SMTP:".
    Filter byAddress = Filter.createORFilter(
        Filter.createEqualityFilter(AdUserMapper.MAIL, address.value()),
        Filter.createEqualityFilter(PROXY_ADDRESSES, "smtp:" + address.value()));
    List<AdUser> out = new ArrayList<>();
    search(toLdap(baseDn), SearchScope.SUB, Filter.createANDFilter(IS_USER, byAddress), "search base", baseDn.toString(), out::add);
    log.debug("Found users by address [count={}]", out.size());
    return out;
  }

  @Override
  public AdUser get(DistinguishedName dn) {
    return fromEntry(read(dn, AdUserMapper.USER_ATTRIBUTES));
  }

  @Override
  public void forEachUser(DistinguishedName base, Consumer<AdUser> visitor) {
    Objects.requireNonNull(visitor, "visitor == null");
    search(named(base, "search base"), SearchScope.SUB, IS_USER, "search base", base.toString(), visitor);
  }

  @Override
  public void setRecipientTypes(DistinguishedName dn, RemoteRecipientType remote, RecipientTypeDetails details, Optional<RecipientDisplayType> display) {
    List<Modification> mods = new ArrayList<>();
    mods.add(new Modification(ModificationType.REPLACE, AdUserMapper.REMOTE_TYPE, Long.toString(remote.value())));
    mods.add(new Modification(ModificationType.REPLACE, AdUserMapper.TYPE_DETAILS, Long.toString(details.value())));
    display.ifPresent(d -> mods.add(new Modification(ModificationType.REPLACE, AdUserMapper.DISPLAY_TYPE, Long.toString(d.value()))));
    modify(dn, "setRecipientTypes", mods);
    log.debug("Set recipient types [dn={}, remote={}, details={}]", dn, remote.value(), details.value());
  }

  @Override
  public void stampRemoteMailbox(DistinguishedName dn, RemoteMailboxRecord r) {
    List<Modification> mods = new ArrayList<>();
    mods.add(new Modification(ModificationType.REPLACE, AdUserMapper.TARGET_ADDRESS, r.targetAddress()));
    mods.add(new Modification(ModificationType.REPLACE, PROXY_ADDRESSES, r.proxyAddresses().toArray(String[]::new)));
    mods.add(new Modification(ModificationType.REPLACE, AdUserMapper.MAIL_NICKNAME, r.mailNickname()));
    mods.add(new Modification(ModificationType.REPLACE, AdUserMapper.REMOTE_TYPE, Long.toString(r.remoteRecipientType().value())));
    mods.add(new Modification(ModificationType.REPLACE, AdUserMapper.TYPE_DETAILS, Long.toString(r.recipientTypeDetails().value())));
    mods.add(new Modification(ModificationType.REPLACE, AdUserMapper.DISPLAY_TYPE, Long.toString(r.recipientDisplayType().value())));
    mods.add(new Modification(ModificationType.REPLACE, AdUserMapper.MAILBOX_GUID, AdGuid.toBytes(r.mailboxGuid())));
    modify(dn, "stampRemoteMailbox", mods);
    log.debug("Stamped remote mailbox [dn={}]", dn);
  }

  @Override
  public void clearUnifiedMessaging(DistinguishedName dn) {
    String[] attrs = new String[UM_ATTRIBUTES.size() + 1];
    attrs[0] = PROXY_ADDRESSES;
    for (int i = 0; i < UM_ATTRIBUTES.size(); i++) {
      attrs[i + 1] = UM_ATTRIBUTES.get(i);
    }
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      SearchResultEntry e = read(dn, attrs);
      List<Modification> mods = new ArrayList<>();
      String[] proxies = e.getAttributeValues(PROXY_ADDRESSES);
      List<String> eum = new ArrayList<>();
      if (proxies != null) {
        for (String p : proxies) {
          if (p.toUpperCase(Locale.ROOT).startsWith("EUM:")) {
            eum.add(p);
          }
        }
      }
      if (!eum.isEmpty()) {
        mods.add(new Modification(ModificationType.DELETE, PROXY_ADDRESSES, eum.toArray(String[]::new)));
      }
      for (String um : UM_ATTRIBUTES) {
        if (e.hasAttribute(um)) {
          mods.add(new Modification(ModificationType.REPLACE, um));
        }
      }
      if (mods.isEmpty()) {
        return;
      }
      if (tryModify(dn, "clearUnifiedMessaging", mods, attempt)) {
        log.debug("Cleared Unified Messaging [dn={}, eumProxies={}]", dn, eum.size());
        return;
      }
    }
    throw new ConflictException("the Unified Messaging attributes of '" + dn + "' kept changing during " + ATTEMPTS + " attempts");
  }

  @Override
  public void setAccountDisabled(DistinguishedName dn, boolean disabled) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      SearchResultEntry e = read(dn, UAC);
      Long current = e.getAttributeValueAsLong(UAC);
      int now = current == null ? AdUser.NORMAL_ACCOUNT : (int) current.longValue();
      int next = disabled ? now | AdUser.ACCOUNTDISABLE : now & ~AdUser.ACCOUNTDISABLE;
      List<Modification> mods;
      if (current == null) {
        mods = List.of(new Modification(ModificationType.REPLACE, UAC, Integer.toString(next)));
      } else if (next == now) {
        return;
      } else {
        mods = List.of(new Modification(ModificationType.DELETE, UAC, Integer.toString(now)), new Modification(ModificationType.ADD, UAC, Integer.toString(next)));
      }
      if (tryModify(dn, "setAccountDisabled", mods, attempt)) {
        log.debug("Set account disabled [dn={}, disabled={}, userAccountControl={}]", dn, disabled, next);
        return;
      }
    }
    throw new ConflictException("userAccountControl of '" + dn + "' kept changing during " + ATTEMPTS + " attempts");
  }

  @Override
  public boolean containerExists(DistinguishedName dn) {
    Objects.requireNonNull(dn, "dn == null");
    for (DistinguishedName.Rdn rdn : dn.rdns()) {
      if (rdn.value().indexOf('\0') >= 0) {
        return false; // no AD name holds a NUL
      }
    }
    try {
      return ldap.search(new SearchRequest(toLdap(dn), SearchScope.BASE, IS_CONTAINER, "1.1")).getEntryCount() > 0;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        return false;
      }
      throw LdapErrors.translate(e, "read", OU, dn.toString());
    }
  }

  @Override
  public DistinguishedName move(DistinguishedName dn, DistinguishedName newParent) {
    DN old = named(dn, USER);
    DN parent = named(newParent, OU);
    RDN rdn = old.getRDN();
    DistinguishedName target = newParent.child(dn.rdn().type(), dn.rdn().value());
    if (target.equals(dn)) {
      read(dn, UAC);
      return dn;
    }
    try {
      ldap.modifyDN(new ModifyDNRequest(old, rdn, true, parent));
    } catch (LDAPException e) {
      // Windows AD answers a missing new superior with 32 noSuchObject, Samba with 80 other ("00002095: ... parent
      // does not exist"): whatever the code, a move whose target OU is missing while the user exists is reported as
      // the missing OU.
      if (e.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS && exists(old) && !exists(parent)) {
        NotFoundException nf = new NotFoundException(OU, newParent.toString());
        nf.initCause(e);
        throw nf;
      }
      throw LdapErrors.translate(e, "move", USER, dn.toString());
    }
    log.debug("Moved user [from={}, to={}]", dn, target);
    return target;
  }

  /** Closes the connection pool when this directory owns it (created by {@link LdapBackend#connect}); otherwise does nothing. */
  @Override
  public void close() {
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        log.warn("Closing the LDAP connection failed [error={}]", e.toString());
      }
    }
  }

  @Override
  public String toString() {
    return "LdapOnPremDirectory[base=" + baseDn + ", referrals=" + referrals + "]";
  }

  // --- internals -------------------------------------------------------------------------------------------------

  private Optional<AdUser> single(String query, Filter key) {
    List<AdUser> out = new ArrayList<>();
    search(toLdap(baseDn), SearchScope.SUB, Filter.createANDFilter(IS_USER, key), "search base", baseDn.toString(), out::add);
    if (out.size() > 1) {
      throw new AmbiguousMatchException(query, out.stream().map(u -> u.dn().toString()).toList());
    }
    return out.stream().findFirst();
  }

  /**
   * The SDK's name for a target. AD (and Samba) end an RDN value at a NUL character, so {@code CN=Jane Doe\00} would
   * reach {@code CN=Jane Doe}: a name holding NUL cannot name an AD object and is never sent.
   *
   * @throws NotFoundException when a value of {@code dn} holds a NUL character
   */
  private static DN named(DistinguishedName dn, String kind) {
    for (DistinguishedName.Rdn rdn : dn.rdns()) {
      if (rdn.value().indexOf('\0') >= 0) {
        throw new NotFoundException(kind, dn.toString(), kind + " '" + dn + "' was not found: an AD name cannot hold a NUL character");
      }
    }
    return toLdap(dn);
  }

  private SearchResultEntry read(DistinguishedName dn, String... attributes) {
    SearchRequest req = new SearchRequest(named(dn, USER), SearchScope.BASE, IS_USER, attributes);
    SearchResult res;
    try {
      res = ldap.search(req);
    } catch (LDAPException e) {
      throw LdapErrors.translate(e, "read", USER, dn.toString());
    }
    if (res.getEntryCount() == 0) {
      throw new NotFoundException(USER, dn.toString());
    }
    return res.getSearchEntries().get(0);
  }

  private boolean exists(DN dn) {
    try {
      return ldap.getEntry(dn.toString(), "1.1") != null;
    } catch (LDAPException e) {
      return false;
    }
  }

  private void modify(DistinguishedName dn, String operation, List<Modification> mods) {
    try {
      ldap.modify(new ModifyRequest(named(dn, USER), mods));
    } catch (LDAPException e) {
      throw LdapErrors.translate(e, operation, USER, dn.toString());
    }
  }

  /** @return false when the values read before changed concurrently (the caller re-reads and retries) */
  private boolean tryModify(DistinguishedName dn, String operation, List<Modification> mods, int attempt) {
    try {
      ldap.modify(new ModifyRequest(named(dn, USER), mods));
      return true;
    } catch (LDAPException e) {
      int rc = e.getResultCode().intValue();
      if (rc == ResultCode.NO_SUCH_ATTRIBUTE_INT_VALUE || rc == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS_INT_VALUE) {
        log.warn("Attribute changed concurrently, retrying [dn={}, operation={}, attempt={}]", dn, operation, attempt);
        return false;
      }
      throw LdapErrors.translate(e, operation, USER, dn.toString());
    }
  }

  /**
   * Runs a paged search, one page of {@value #PAGE_SIZE} at a time, on one connection when {@code ldap} is a pool
   * (a paging cookie belongs to its connection).
   */
  private void search(DN base, SearchScope scope, Filter filter, String kind, String id, Consumer<AdUser> visitor) {
    if (ldap instanceof AbstractConnectionPool pool) {
      LDAPConnection c;
      try {
        c = pool.getConnection();
      } catch (LDAPException e) {
        throw LdapErrors.translate(e, "search", kind, id);
      }
      boolean defunct = false;
      try {
        pages(c, base, scope, filter, kind, id, visitor);
      } catch (M365KitException e) {
        defunct = e.getCause() instanceof LDAPException le && !le.getResultCode().isConnectionUsable();
        throw e;
      } finally {
        if (defunct) {
          pool.releaseDefunctConnection(c);
        } else {
          pool.releaseConnection(c);
        }
      }
    } else {
      pages(ldap, base, scope, filter, kind, id, visitor);
    }
  }

  private void pages(LDAPInterface conn, DN base, SearchScope scope, Filter filter, String kind, String id, Consumer<AdUser> visitor) {
    ASN1OctetString cookie = null;
    int pages = 0;
    int skippedReferrals = 0;
    do {
      SearchResult res = page(conn, base, scope, filter, cookie, kind, id);
      pages++;
      for (SearchResultEntry e : res.getSearchEntries()) {
        visitor.accept(fromEntry(e));
      }
      skippedReferrals += res.getReferenceCount();
      if (res.getResultCode() == ResultCode.REFERRAL) {
        skippedReferrals++;
        break;
      }
      cookie = null;
      try {
        SimplePagedResultsControl paged = SimplePagedResultsControl.get(res);
        if (paged != null && paged.moreResultsToReturn()) {
          cookie = paged.getCookie();
        }
      } catch (LDAPException e) {
        throw LdapErrors.translate(e, "search", kind, id);
      }
    } while (cookie != null);
    if (skippedReferrals > 0) {
      log.debug("Search skipped referrals [base={}, referrals={}]", base, skippedReferrals);
    }
    log.debug("Searched [base={}, pages={}]", base, pages);
  }

  private SearchResult page(LDAPInterface conn, DN base, SearchScope scope, Filter filter, ASN1OctetString cookie, String kind, String id) {
    boolean follow = referrals == ReferralPolicy.FOLLOW;
    SearchRequest req = new SearchRequest(base, scope, filter, AdUserMapper.USER_ATTRIBUTES);
    req.setControls(new SimplePagedResultsControl(PAGE_SIZE, cookie, false));
    req.setFollowReferrals(follow);
    try {
      return conn.search(req);
    } catch (LDAPSearchException e) {
      if (e.getResultCode() == ResultCode.REFERRAL) {
        return e.getSearchResult();
      }
      if (follow && e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
        log.warn("Following a referral failed, searching again without referrals [base={}, resultCode={}]", base, e.getResultCode().intValue());
        req.setFollowReferrals(false);
        try {
          return conn.search(req);
        } catch (LDAPSearchException again) {
          if (again.getResultCode() == ResultCode.REFERRAL) {
            return again.getSearchResult();
          }
          throw LdapErrors.translate(again, "search", kind, id);
        }
      }
      throw LdapErrors.translate(e, "search", kind, id);
    }
  }
}
