/**
 * The shipped in-memory backends: {@link io.github.m365kit.memory.InMemoryTenant} (Entra ID, Exchange Online,
 * authentication policies, sign-in log) and {@link io.github.m365kit.memory.InMemoryOnPremDirectory} (on-prem AD),
 * with a {@link io.github.m365kit.memory.SimulatedClock}, {@link io.github.m365kit.memory.Faults} injection, the
 * {@link io.github.m365kit.memory.DemoCast demo cast} and the {@code tenant.json} format
 * ({@link io.github.m365kit.memory.TenantJson}). Each class lists what it emulates and what it does not.
 */
package io.github.m365kit.memory;
