package io.github.m365kit.auth;

/**
 * Which modern-authentication client to move a user to, per legacy protocol, from Microsoft's list of clients that
 * support modern authentication: Outlook 2013 or later (2013 only with the {@code EnableADAL} and {@code Version}
 * registry values), Outlook 2016 for Mac or later, Outlook for iOS and Android, and Mail for iOS 11.3.1 or later.
 * Outlook 2007 and 2010 cannot use modern authentication. Stateless.
 */
public final class ModernClientAdvice {
  /** The registry values Outlook 2013 needs before it uses modern authentication. */
  public static final String OUTLOOK_2013_REGISTRY = "Outlook 2013: set HKCU\\SOFTWARE\\Microsoft\\Office\\15.0\\Common\\Identity\\EnableADAL = 1"
      + " and ...\\Identity\\Version = 1 (REG_DWORD)";

  private ModernClientAdvice() {}

  /**
   * Recommends a replacement for a legacy client.
   *
   * @param app the legacy client app from the sign-in log
   * @return one sentence for an admin
   */
  public static String recommendFor(ClientApp app) {
    switch (app) {
      case EXCHANGE_ACTIVESYNC:
        return "Phones: Outlook for iOS and Android, or Mail for iOS 11.3.1 or later (both use modern authentication).";
      case IMAP4:
      case POP3:
        return "Move the mailbox to Outlook 2016 or later / Microsoft 365 Apps, Outlook 2016 for Mac or later, or Outlook for iOS and Android;"
            + " IMAP/POP apps that cannot do OAuth must be replaced.";
      case AUTHENTICATED_SMTP:
        return "People: send with an Outlook client that uses modern authentication. Devices and apps that submit mail with SMTP AUTH:"
            + " move them to OAuth or another relay before SMTP AUTH basic authentication is switched off (see the SMTP AUTH note).";
      case MAPI_OVER_HTTP:
      case OUTLOOK_ANYWHERE:
      case OFFLINE_ADDRESS_BOOK:
      case AUTODISCOVER:
      case EXCHANGE_WEB_SERVICES:
        return "Outlook for Windows: Outlook 2016 or later / Microsoft 365 Apps use modern authentication by default; " + OUTLOOK_2013_REGISTRY
            + "; Outlook 2007/2010 must be upgraded. Mac: Outlook 2016 for Mac or later.";
      case OUTLOOK_SERVICE:
      case UNIVERSAL_OUTLOOK:
        return "Windows Mail and Calendar: move to Outlook 2016 or later / Microsoft 365 Apps, or Outlook for iOS and Android on phones.";
      case EXCHANGE_ONLINE_POWERSHELL:
        return "Scripts: connect with the Exchange Online PowerShell module's modern authentication (Connect-ExchangeOnline) instead of basic-auth remote PowerShell.";
      case REPORTING_WEB_SERVICES:
        return "Reporting: read reports through an API that uses modern authentication (e.g. Microsoft Graph reports) instead of basic auth.";
      default:
        return "Identify the application (see apps) and replace it with a client that supports modern authentication:"
            + " Outlook 2013+ (2013 with EnableADAL), Outlook 2016 for Mac+, Outlook for iOS/Android, or Mail for iOS 11.3.1+.";
    }
  }
}
