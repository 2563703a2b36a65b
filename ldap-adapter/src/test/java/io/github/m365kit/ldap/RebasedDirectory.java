package io.github.m365kit.ldap;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Test plumbing: shows a subtree of the Samba DC ({@code OU=x,DC=contoso,DC=test}) under the name the shared fixtures
 * use ({@code DC=contoso,DC=com}). Every DN going in is moved under the real subtree, every DN coming out moved back;
 * the only value translated is an objectGUID the DC assigned ({@link #showGuidAs}); every other value and every
 * error is the adapter's own.
 */
final class RebasedDirectory implements OnPremDirectory {
  private final OnPremDirectory real;
  private final DistinguishedName shown;
  private final DistinguishedName actual;
  private final Map<UUID, Optional<UUID>> guids = new ConcurrentHashMap<>();

  RebasedDirectory(OnPremDirectory real, DistinguishedName shown, DistinguishedName actual) {
    this.real = real;
    this.shown = shown;
    this.actual = actual;
  }

  /**
   * Shows the objectGUID the DC assigned (AD assigns it; a fixture cannot choose it) as the fixture's. Only an exact
   * match is translated: an objectGUID the adapter decoded wrongly is shown as it is, and fails the comparison.
   *
   * @param assigned the GUID the DC reports for the entry, obtained without the adapter
   * @param fixture the GUID the fixture names, or empty for a fixture without one (AD gives every object one)
   */
  void showGuidAs(UUID assigned, Optional<UUID> fixture) {
    guids.put(assigned, fixture);
  }

  /** @return {@code dn} under the real subtree (a DN outside the shown base is passed as is) */
  DistinguishedName in(DistinguishedName dn) {
    return rebase(dn, shown, actual);
  }

  /** @return {@code dn} under the shown base */
  DistinguishedName out(DistinguishedName dn) {
    return rebase(dn, actual, shown);
  }

  static DistinguishedName rebase(DistinguishedName dn, DistinguishedName from, DistinguishedName to) {
    if (!dn.isAtOrUnder(from)) {
      return dn;
    }
    List<DistinguishedName.Rdn> rdns = new ArrayList<>(dn.rdns().subList(0, dn.rdns().size() - from.rdns().size()));
    rdns.addAll(to.rdns());
    return DistinguishedName.of(rdns);
  }

  AdUser out(AdUser u) {
    return ImmutableAdUser.copyOf(u).withDn(out(u.dn())).withObjectGuid(u.objectGuid().flatMap(g -> guids.getOrDefault(g, Optional.of(g))));
  }

  @Override
  public Optional<AdUser> findByUpn(Upn upn) {
    return real.findByUpn(upn).map(this::out);
  }

  @Override
  public Optional<AdUser> findBySamAccountName(SamAccountName sam) {
    return real.findBySamAccountName(sam).map(this::out);
  }

  @Override
  public List<AdUser> findByAddress(SmtpAddress address) {
    return real.findByAddress(address).stream().map(this::out).toList();
  }

  @Override
  public AdUser get(DistinguishedName dn) {
    return out(real.get(in(dn)));
  }

  @Override
  public void forEachUser(DistinguishedName base, Consumer<AdUser> visitor) {
    real.forEachUser(in(base), u -> visitor.accept(out(u)));
  }

  @Override
  public void setRecipientTypes(DistinguishedName dn, RemoteRecipientType remote, RecipientTypeDetails details, Optional<RecipientDisplayType> display) {
    real.setRecipientTypes(in(dn), remote, details, display);
  }

  @Override
  public void stampRemoteMailbox(DistinguishedName dn, RemoteMailboxRecord record) {
    real.stampRemoteMailbox(in(dn), record);
  }

  @Override
  public void clearUnifiedMessaging(DistinguishedName dn) {
    real.clearUnifiedMessaging(in(dn));
  }

  @Override
  public void setAccountDisabled(DistinguishedName dn, boolean disabled) {
    real.setAccountDisabled(in(dn), disabled);
  }

  @Override
  public boolean containerExists(DistinguishedName dn) {
    return real.containerExists(in(dn));
  }

  @Override
  public DistinguishedName move(DistinguishedName dn, DistinguishedName newParent) {
    return out(real.move(in(dn), in(newParent)));
  }
}
