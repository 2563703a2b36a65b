package io.github.m365kit.mailbox;

import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.PowerShell;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The PowerShell equivalents of the conversion steps. Every value from a directory goes through
 * {@link PowerShell}'s quoting; the only raw expressions are built from GUIDs and from quoted literals.
 */
final class Commands {
  private Commands() {}

  // -Type takes one of the four fixed words of MailboxType.cmdletType() (Regular, Shared, Room, Equipment), never input.
  static String setMailboxType(SmtpAddress mailbox, MailboxType type) {
    return PowerShell.command("Set-Mailbox").param("Identity", mailbox.value()).expressionParam("Type", type.cmdletType()).toString();
  }

  static String setRemoteMailboxType(SmtpAddress mailbox, MailboxType type) {
    return PowerShell.command("Set-RemoteMailbox").param("Identity", mailbox.value()).expressionParam("Type", type.cmdletType()).toString();
  }

  /** The KB 2710029 form: {@code Set-ADUser -Identity … -Replace @{msExchRemoteRecipientType=…;msExchRecipientTypeDetails=…}}. */
  static String setAdUserRecipientTypes(String adIdentity, RemoteRecipientType remote, RecipientTypeDetails details) {
    Map<String, Long> values = new LinkedHashMap<>();
    values.put("msExchRemoteRecipientType", remote.value());
    values.put("msExchRecipientTypeDetails", details.value());
    return PowerShell.command("Set-ADUser").param("Identity", adIdentity).numberTableParam("Replace", values).toString();
  }

  /** {@code Set-ADUser -Identity ((Get-Recipient '…').SamAccountName) …}, the seed's form when the AD object is unknown. */
  static String setAdUserRecipientTypesByRecipient(SmtpAddress mailbox, RemoteRecipientType remote, RecipientTypeDetails details) {
    Map<String, Long> values = new LinkedHashMap<>();
    values.put("msExchRemoteRecipientType", remote.value());
    values.put("msExchRecipientTypeDetails", details.value());
    return PowerShell.command("Set-ADUser").expressionParam("Identity", "((Get-Recipient " + PowerShell.quote(mailbox.value()) + ").SamAccountName)")
        .numberTableParam("Replace", values).toString();
  }

  static String disableUmMailbox(SmtpAddress mailbox) {
    return PowerShell.command("Disable-UMMailbox").param("Identity", mailbox.value()).switchParam("Confirm", false).toString();
  }

  static String clearUmAttributes(String adIdentity, List<String> eumProxies) {
    PowerShell ps = PowerShell.command("Set-ADUser").param("Identity", adIdentity)
        .listParam("Clear", List.of("msExchUMEnabledFlags", "msExchUMDtmfMap", "msExchUMPinChecksum", "msExchUMTemplateLink",
            "msExchUMRecipientDialPlanLink", "msExchUMServerWritableFlags"));
    if (!eumProxies.isEmpty()) {
      String list = eumProxies.stream().map(PowerShell::quote).collect(Collectors.joining(","));
      ps = ps.expressionParam("Remove", "@{proxyAddresses=" + list + "}");
    }
    return ps.toString();
  }

  static String addLicense(Upn user, License license) {
    return PowerShell.command("Set-MgUserLicense").param("UserId", user.value())
        .expressionParam("AddLicenses", "@(@{SkuId=" + PowerShell.quote(license.skuId().toString()) + "})")
        .expressionParam("RemoveLicenses", "@()").toString();
  }

  static String removeLicenses(Upn user, Collection<UUID> skuIds) {
    String list = skuIds.stream().map(u -> PowerShell.quote(u.toString())).collect(Collectors.joining(","));
    return PowerShell.command("Set-MgUserLicense").param("UserId", user.value()).expressionParam("AddLicenses", "@()")
        .expressionParam("RemoveLicenses", "@(" + list + ")").toString();
  }

  static String disableAdAccount(String adIdentity) {
    return PowerShell.command("Disable-ADAccount").param("Identity", adIdentity).toString();
  }

  static String enableAdAccount(String adIdentity) {
    return PowerShell.command("Enable-ADAccount").param("Identity", adIdentity).toString();
  }

  static String setCloudAccountEnabled(Upn user, boolean enabled) {
    return PowerShell.command("Update-MgUser").param("UserId", user.value()).switchParam("AccountEnabled", enabled).toString();
  }

  static String moveAdObject(DistinguishedName dn, DistinguishedName ou) {
    return moveAdObject(dn.toString(), ou);
  }

  static String moveAdObject(String adIdentity, DistinguishedName ou) {
    return PowerShell.command("Move-ADObject").param("Identity", adIdentity).param("TargetPath", ou.toString()).toString();
  }

  static String revokeSessions(Upn user) {
    return PowerShell.command("Revoke-MgUserSignInSession").param("UserId", user.value()).toString();
  }

  static String enableRemoteMailbox(String adIdentity, SmtpAddress routingAddress, boolean shared) {
    PowerShell ps = PowerShell.command("Enable-RemoteMailbox").param("Identity", adIdentity).param("RemoteRoutingAddress", routingAddress.value());
    return (shared ? ps.switchParam("Shared", true) : ps).toString();
  }

  static String setRemoteMailboxGuid(String adIdentity, UUID exchangeGuid) {
    return PowerShell.command("Set-RemoteMailbox").param("Identity", adIdentity).param("ExchangeGuid", exchangeGuid.toString()).toString();
  }

  /** Marks a command as an alternative: a comment line, so a script run executes only the preferred form. */
  static String alternative(String why, String command) {
    return "# " + why + ": " + command;
  }
}
