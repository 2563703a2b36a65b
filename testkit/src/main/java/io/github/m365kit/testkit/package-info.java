/**
 * Contract tests every m365kit backend extends, so that the in-memory, LDAP and Graph backends behave alike.
 *
 * <p>Each {@code *Contract} is an abstract JUnit 5 class: a backend test extends it and supplies a fresh backend
 * seeded with the contract's fixture. The contracts assert exception <em>types</em>, so every backend maps its
 * native errors into the same m365kit exceptions. Parameters and results are non-null unless stated otherwise.
 */
package io.github.m365kit.testkit;
