/**
 * A stateful loopback simulator of Microsoft Graph and the Exchange Online admin REST endpoint, backed by an
 * {@link io.github.m365kit.memory.InMemoryTenant}: see {@link io.github.m365kit.graph.sim.GraphSimulator}.
 */
package io.github.m365kit.graph.sim;
