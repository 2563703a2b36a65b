/**
 * The ports: narrow interfaces, one per capability area, that speak only m365kit types. The in-memory backends in
 * {@link io.github.m365kit.memory} implement all of them; the LDAP and Graph adapters implement theirs; the contract
 * tests in m365kit-testkit hold every implementation to the same behaviour, error types included.
 */
package io.github.m365kit.spi;
