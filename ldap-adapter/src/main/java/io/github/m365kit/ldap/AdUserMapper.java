package io.github.m365kit.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import io.github.m365kit.BackendException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.ImmutableAdUser;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps {@link AdUser} to and from LDAP entries, and core's {@link DistinguishedName} to and from UnboundID's
 * {@link DN}. Used by {@link LdapOnPremDirectory} to read and by {@link EmbeddedDirectory} to seed, so both agree.
 */
final class AdUserMapper {
  static final String OBJECT_CLASS = "objectClass";
  static final String SAM = "sAMAccountName";
  static final String UPN = "userPrincipalName";
  static final String MAIL = "mail";
  static final String DISPLAY_NAME = "displayName";
  static final String PROXY_ADDRESSES = "proxyAddresses";
  static final String TARGET_ADDRESS = "targetAddress";
  static final String MAIL_NICKNAME = "mailNickname";
  static final String UAC = "userAccountControl";
  static final String REMOTE_TYPE = "msExchRemoteRecipientType";
  static final String TYPE_DETAILS = "msExchRecipientTypeDetails";
  static final String DISPLAY_TYPE = "msExchRecipientDisplayType";
  static final String MAILBOX_GUID = "msExchMailboxGuid";
  static final String OBJECT_GUID = "objectGUID";
  static final String DEPARTMENT = "department";
  static final String UM_ENABLED_FLAGS = "msExchUMEnabledFlags";

  /** Every msExchUM* attribute {@code Disable-UMMailbox -KeepProperties $false} clears. */
  static final List<String> UM_ATTRIBUTES = List.of(UM_ENABLED_FLAGS, "msExchUMDtmfMap", "msExchUMRecipientDialPlanLink", "msExchUMTemplateLink",
      "msExchUMPinChecksum", "msExchUMOperatorNumber", "msExchUMListInDirectorySearch", "msExchUMServerWritableFlags", "msExchUMAudioCodec",
      "msExchUMSpokenName");

  /** The attributes a read requests. */
  static final String[] USER_ATTRIBUTES = {SAM, UPN, MAIL, DISPLAY_NAME, PROXY_ADDRESSES, TARGET_ADDRESS, MAIL_NICKNAME, UAC, REMOTE_TYPE, TYPE_DETAILS,
      DISPLAY_TYPE, MAILBOX_GUID, OBJECT_GUID, DEPARTMENT, UM_ENABLED_FLAGS};

  private AdUserMapper() {}

  /**
   * @param dn core's name
   * @return the same name for the SDK; values are carried unescaped, so no text can change its structure
   */
  static DN toLdap(DistinguishedName dn) {
    List<DistinguishedName.Rdn> rdns = dn.rdns();
    RDN[] out = new RDN[rdns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new RDN(rdns.get(i).type(), rdns.get(i).value());
    }
    return new DN(out);
  }

  /**
   * @param dn the SDK's name
   * @return core's name
   * @throws BackendException for a multi-valued RDN, which AD never produces
   */
  static DistinguishedName fromLdap(DN dn) {
    List<DistinguishedName.Rdn> out = new ArrayList<>();
    for (RDN rdn : dn.getRDNs()) {
      String[] names = rdn.getAttributeNames();
      if (names.length != 1) {
        throw new BackendException(LdapErrors.BACKEND, "multi-valued RDN", "entry '" + dn + "' has a multi-valued RDN, which m365kit does not support", null);
      }
      out.add(new DistinguishedName.Rdn(names[0], rdn.getAttributeValues()[0]));
    }
    return DistinguishedName.of(out);
  }

  /**
   * Builds the entry that represents a user, with object classes top, person, organizationalPerson and user.
   *
   * @param u the user
   * @return the entry
   */
  static Entry toEntry(AdUser u) {
    Entry e = new Entry(toLdap(u.dn()));
    e.addAttribute(OBJECT_CLASS, "top", "person", "organizationalPerson", "user");
    DistinguishedName.Rdn rdn = u.dn().rdn();
    e.addAttribute(rdn.type(), rdn.value());
    if (!rdn.type().equalsIgnoreCase("cn")) {
      e.addAttribute("cn", rdn.value());
    }
    e.addAttribute(SAM, u.samAccountName().value());
    u.userPrincipalName().ifPresent(v -> e.addAttribute(UPN, v.value()));
    u.mail().ifPresent(v -> e.addAttribute(MAIL, v.value()));
    u.displayName().ifPresent(v -> e.addAttribute(DISPLAY_NAME, v));
    if (!u.proxyAddresses().isEmpty()) {
      e.addAttribute(PROXY_ADDRESSES, u.proxyAddresses());
    }
    u.targetAddress().ifPresent(v -> e.addAttribute(TARGET_ADDRESS, v));
    u.mailNickname().ifPresent(v -> e.addAttribute(MAIL_NICKNAME, v));
    e.addAttribute(UAC, Integer.toString(u.userAccountControl()));
    u.remoteRecipientType().ifPresent(v -> e.addAttribute(REMOTE_TYPE, Long.toString(v.value())));
    u.recipientTypeDetails().ifPresent(v -> e.addAttribute(TYPE_DETAILS, Long.toString(v.value())));
    u.recipientDisplayType().ifPresent(v -> e.addAttribute(DISPLAY_TYPE, Long.toString(v.value())));
    u.mailboxGuid().ifPresent(v -> e.addAttribute(MAILBOX_GUID, AdGuid.toBytes(v)));
    u.objectGuid().ifPresent(v -> e.addAttribute(OBJECT_GUID, AdGuid.toBytes(v)));
    u.department().ifPresent(v -> e.addAttribute(DEPARTMENT, v));
    u.umEnabledFlags().ifPresent(v -> e.addAttribute(UM_ENABLED_FLAGS, Long.toString(v)));
    return e;
  }

  /**
   * Builds the entry of an organisational unit.
   *
   * @param ou the OU's name; its RDN type must be OU (or CN, written as a container-like OU)
   * @return the entry
   */
  static Entry containerEntry(DistinguishedName ou) {
    Entry e = new Entry(toLdap(ou));
    DistinguishedName.Rdn rdn = ou.rdn();
    String type = rdn.type().toLowerCase(Locale.ROOT);
    if (type.equals("dc")) {
      e.addAttribute(OBJECT_CLASS, "top", "domain");
      e.addAttribute("dc", rdn.value());
    } else if (type.equals("cn")) {
      e.addAttribute(OBJECT_CLASS, "top", "organizationalRole");
      e.addAttribute("cn", rdn.value());
    } else {
      e.addAttribute(OBJECT_CLASS, "top", "organizationalUnit");
      e.addAttribute("ou", rdn.value());
    }
    return e;
  }

  /**
   * Reads a user from an entry.
   *
   * @param e an entry with (some of) {@link #USER_ATTRIBUTES}
   * @return the user
   * @throws BackendException when a value is malformed; the message names the entry's DN and the attribute, not the value
   */
  static AdUser fromEntry(Entry e) {
    DN dn;
    try {
      dn = e.getParsedDN();
    } catch (LDAPException ex) {
      throw LdapErrors.translate(ex, "read", "entry", e.getDN());
    }
    String where = e.getDN();
    String attr = SAM;
    try {
      String sam = e.getAttributeValue(SAM);
      if (sam == null) {
        throw new BackendException(LdapErrors.BACKEND, "missing attribute", "entry '" + where + "' has no sAMAccountName", null);
      }
      ImmutableAdUser.Builder b = AdUser.builder().dn(fromLdap(dn)).samAccountName(SamAccountName.of(sam));
      attr = UPN;
      String upn = e.getAttributeValue(UPN);
      if (upn != null) {
        b.userPrincipalName(Upn.of(upn));
      }
      attr = MAIL;
      String mail = e.getAttributeValue(MAIL);
      if (mail != null) {
        b.mail(SmtpAddress.of(mail));
      }
      attr = DISPLAY_NAME;
      b.displayName(Optional.ofNullable(e.getAttributeValue(DISPLAY_NAME)));
      attr = PROXY_ADDRESSES;
      String[] proxies = e.getAttributeValues(PROXY_ADDRESSES);
      if (proxies != null) {
        b.addProxyAddresses(proxies);
      }
      b.targetAddress(Optional.ofNullable(e.getAttributeValue(TARGET_ADDRESS)));
      b.mailNickname(Optional.ofNullable(e.getAttributeValue(MAIL_NICKNAME)));
      attr = UAC;
      Long uac = longValue(e, UAC);
      if (uac != null) {
        b.userAccountControl((int) uac.longValue());
      }
      attr = REMOTE_TYPE;
      Long remote = longValue(e, REMOTE_TYPE);
      if (remote != null) {
        b.remoteRecipientType(RemoteRecipientType.of(remote));
      }
      attr = TYPE_DETAILS;
      Long details = longValue(e, TYPE_DETAILS);
      if (details != null) {
        b.recipientTypeDetails(RecipientTypeDetails.of(details));
      }
      attr = DISPLAY_TYPE;
      Long display = longValue(e, DISPLAY_TYPE);
      if (display != null) {
        b.recipientDisplayType(RecipientDisplayType.of(display));
      }
      attr = MAILBOX_GUID;
      byte[] mbx = e.getAttributeValueBytes(MAILBOX_GUID);
      if (mbx != null) {
        b.mailboxGuid(AdGuid.fromBytes(mbx));
      }
      attr = OBJECT_GUID;
      byte[] og = e.getAttributeValueBytes(OBJECT_GUID);
      if (og != null) {
        b.objectGuid(AdGuid.fromBytes(og));
      }
      b.department(Optional.ofNullable(e.getAttributeValue(DEPARTMENT)));
      attr = UM_ENABLED_FLAGS;
      b.umEnabledFlags(Optional.ofNullable(longValue(e, UM_ENABLED_FLAGS)));
      return b.build();
    } catch (InvalidInputException | IllegalArgumentException ex) {
      throw new BackendException(LdapErrors.BACKEND, "invalid value", "entry '" + where + "' has an invalid " + attr + ": " + ex.getMessage(), ex);
    }
  }

  private static Long longValue(Entry e, String name) {
    Attribute a = e.getAttribute(name);
    if (a == null || !a.hasValue()) {
      return null;
    }
    Long v = a.getValueAsLong();
    if (v == null) {
      throw new IllegalArgumentException("'" + name + "' is not a 64-bit integer");
    }
    return v;
  }
}
