/**
 * On-prem Active Directory for m365kit over the UnboundID LDAP SDK, plus an embedded AD-like directory server.
 *
 * <p>Entry points: {@link io.github.m365kit.ldap.LdapBackend#create(com.unboundid.ldap.sdk.LDAPInterface, String)}
 * for a connection, pool or in-memory server the caller built, {@link io.github.m365kit.ldap.LdapBackend#connect}
 * for a TLS-checked, health-checked pool built from an {@link io.github.m365kit.ldap.LdapConnectionConfig}, and
 * {@link io.github.m365kit.ldap.EmbeddedDirectory} for tests and demos without a domain controller. Every LDAP
 * error is translated into the unchecked {@link io.github.m365kit.M365KitException} hierarchy; no
 * {@code LDAPException} escapes. Parameters and results are non-null unless stated otherwise.
 */
package io.github.m365kit.ldap;
