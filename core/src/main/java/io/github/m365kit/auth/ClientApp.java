package io.github.m365kit.auth;

import java.util.Locale;

/**
 * The {@code clientAppUsed} values of Entra sign-in logs and whether each is legacy authentication, per Microsoft's
 * Conditional Access documentation. Both "Outlook Service" and "Universal Outlook" name the Windows Mail/Calendar
 * client in different documents; both are matched. Exchange ActiveSync is classed legacy, as Microsoft does
 * (some community queries do not). Any value m365kit does not know is {@link #UNKNOWN} and treated as legacy, as
 * "Other clients" is: a new value is more likely a protocol client than a browser.
 */
public enum ClientApp {
  /** Browser: modern. */ BROWSER("Browser", false),
  /** Mobile Apps and Desktop clients: modern. */ MOBILE_APPS_AND_DESKTOP("Mobile Apps and Desktop clients", false),
  /** Authenticated SMTP. */ AUTHENTICATED_SMTP("Authenticated SMTP", true),
  /** AutoDiscover. */ AUTODISCOVER("AutoDiscover", true),
  /** Exchange ActiveSync. */ EXCHANGE_ACTIVESYNC("Exchange ActiveSync", true),
  /** Exchange Online PowerShell. */ EXCHANGE_ONLINE_POWERSHELL("Exchange Online PowerShell", true),
  /** Exchange Web Services. */ EXCHANGE_WEB_SERVICES("Exchange Web Services", true),
  /** IMAP4. */ IMAP4("IMAP4", true),
  /** MAPI Over HTTP. */ MAPI_OVER_HTTP("MAPI Over HTTP", true),
  /** Offline Address Book. */ OFFLINE_ADDRESS_BOOK("Offline Address Book", true),
  /** Outlook Anywhere (RPC over HTTP). */ OUTLOOK_ANYWHERE("Outlook Anywhere (RPC over HTTP)", true),
  /** Outlook Service. */ OUTLOOK_SERVICE("Outlook Service", true),
  /** POP3. */ POP3("POP3", true),
  /** Reporting Web Services. */ REPORTING_WEB_SERVICES("Reporting Web Services", true),
  /** Universal Outlook. */ UNIVERSAL_OUTLOOK("Universal Outlook", true),
  /** Other clients. */ OTHER_CLIENTS("Other clients", true),
  /** A value m365kit does not know; treated as legacy. */ UNKNOWN("", true);

  private final String logValue;
  private final boolean legacy;

  ClientApp(String logValue, boolean legacy) {
    this.logValue = logValue;
    this.legacy = legacy;
  }

  /** @return the value as the sign-in log writes it */
  public String logValue() {
    return logValue;
  }

  /** @return true for legacy authentication */
  public boolean legacy() {
    return legacy;
  }

  /**
   * @param clientAppUsed the log value (case-insensitive; "Autodiscover" and "AutoDiscover" both match)
   * @return the classification
   */
  public static ClientApp of(String clientAppUsed) {
    if (clientAppUsed == null) {
      return UNKNOWN;
    }
    String v = clientAppUsed.trim().toLowerCase(Locale.ROOT);
    for (ClientApp c : values()) {
      if (c != UNKNOWN && c.logValue.toLowerCase(Locale.ROOT).equals(v)) {
        return c;
      }
    }
    return UNKNOWN;
  }
}
