package io.github.m365kit.auth;

/** The protocols an Exchange Online authentication policy switches basic authentication on or off for. */
public enum BasicAuthProtocol {
  /** AllowBasicAuthActiveSync */ ACTIVE_SYNC("ActiveSync"),
  /** AllowBasicAuthAutodiscover */ AUTODISCOVER("Autodiscover"),
  /** AllowBasicAuthImap */ IMAP("Imap"),
  /** AllowBasicAuthMapi */ MAPI("Mapi"),
  /** AllowBasicAuthOfflineAddressBook */ OFFLINE_ADDRESS_BOOK("OfflineAddressBook"),
  /** AllowBasicAuthOutlookService */ OUTLOOK_SERVICE("OutlookService"),
  /** AllowBasicAuthPop */ POP("Pop"),
  /** AllowBasicAuthPowershell */ POWERSHELL("Powershell"),
  /** AllowBasicAuthReportingWebServices */ REPORTING_WEB_SERVICES("ReportingWebServices"),
  /** AllowBasicAuthRpc */ RPC("Rpc"),
  /** AllowBasicAuthSmtp */ SMTP("Smtp"),
  /** AllowBasicAuthWebServices */ WEB_SERVICES("WebServices");

  private final String suffix;

  BasicAuthProtocol(String suffix) {
    this.suffix = suffix;
  }

  /** @return the cmdlet parameter, e.g. {@code AllowBasicAuthImap} */
  public String parameter() {
    return "AllowBasicAuth" + suffix;
  }

  /**
   * @param parameter e.g. {@code AllowBasicAuthPop} (case-insensitive)
   * @return the protocol
   * @throws io.github.m365kit.InvalidInputException for an unknown parameter
   */
  public static BasicAuthProtocol fromParameter(String parameter) {
    for (BasicAuthProtocol p : values()) {
      if (p.parameter().equalsIgnoreCase(parameter) || p.suffix.equalsIgnoreCase(parameter) || p.name().equalsIgnoreCase(parameter)) {
        return p;
      }
    }
    throw new io.github.m365kit.InvalidInputException("basic-auth protocol", parameter, "expected one of AllowBasicAuthActiveSync … AllowBasicAuthWebServices");
  }
}
