package io.github.m365kit.graph;

import java.net.URI;

/**
 * The Microsoft 365 clouds m365kit knows: for each, the Microsoft Graph host, the Exchange Online host (which also
 * names the token audience of the Exchange admin REST endpoint) and the Entra authority.
 *
 * <p>US Government here is GCC High; GCC (moderate) tenants use {@link #GLOBAL}. DoD tenants use other hosts
 * ({@code dod-graph.microsoft.us}, {@code outlook-dod.office365.us}); pass them through
 * {@link GraphBackend.Builder#graphBaseUrl(URI)} and {@link GraphBackend.Builder#exchangeBaseUrl(URI)}.
 */
public enum GraphCloud {
  /** The worldwide cloud (also GCC). */
  GLOBAL("https://graph.microsoft.com", "https://outlook.office365.com", "https://login.microsoftonline.com/"),
  /** US Government GCC High. */
  US_GOV("https://graph.microsoft.us", "https://outlook.office365.us", "https://login.microsoftonline.us/"),
  /** Microsoft 365 operated by 21Vianet (China). */
  CHINA("https://microsoftgraph.chinacloudapi.cn", "https://partner.outlook.cn", "https://login.chinacloudapi.cn/");

  private final URI graph;
  private final URI exchange;
  private final URI authority;

  GraphCloud(String graph, String exchange, String authority) {
    this.graph = URI.create(graph);
    this.exchange = URI.create(exchange);
    this.authority = URI.create(authority);
  }

  /** @return the Graph root, e.g. {@code https://graph.microsoft.com} (no version segment) */
  public URI graphHost() {
    return graph;
  }

  /** @return the Exchange Online root, e.g. {@code https://outlook.office365.com} */
  public URI exchangeHost() {
    return exchange;
  }

  /** @return the Entra authority host for azure-identity, e.g. {@code https://login.microsoftonline.com/} */
  public URI authorityHost() {
    return authority;
  }

  /** @return the app-only Graph scope, e.g. {@code https://graph.microsoft.com/.default} */
  public String graphScope() {
    return graph + "/.default";
  }

  /** @return the Exchange admin REST scope, e.g. {@code https://outlook.office365.com/.default} */
  public String exchangeScope() {
    return exchange + "/.default";
  }
}
