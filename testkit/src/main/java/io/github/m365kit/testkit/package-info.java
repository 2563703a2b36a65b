/**
 * m365kit-testkit: what you need to test your own code against m365kit, and to hold your own backend to m365kit's
 * behaviour.
 *
 * <ul>
 *   <li>{@link io.github.m365kit.testkit.M365Sandbox @M365Sandbox} — a JUnit 5 extension that injects a fresh
 *       in-memory tenant and on-prem directory (and their clock and fault injector) into each test, optionally
 *       loaded from a {@link io.github.m365kit.testkit.Scenario @Scenario};</li>
 *   <li>{@link io.github.m365kit.testkit.M365Assertions} — AssertJ assertions for mailboxes, users, AD users, plans,
 *       run results and bulk reports whose failure messages show the state that was found;</li>
 *   <li>the contracts ({@link io.github.m365kit.testkit.MailboxStoreContract},
 *       {@link io.github.m365kit.testkit.CloudDirectoryContract},
 *       {@link io.github.m365kit.testkit.AuthPolicyStoreContract}, {@link io.github.m365kit.testkit.SignInLogContract},
 *       {@link io.github.m365kit.testkit.OnPremDirectoryContract},
 *       {@link io.github.m365kit.testkit.InsightsStoreContract},
 *       {@link io.github.m365kit.testkit.ConditionalAccessStoreContract})
 *       — abstract JUnit 5 classes that a backend's test extends, starting from the
 *       {@link io.github.m365kit.testkit.TenantFixture}.</li>
 * </ul>
 *
 * <p>Use this module at {@code <scope>test</scope>}; it brings JUnit Jupiter and AssertJ with it. Nothing here
 * accepts or returns null unless a method says so.
 */
package io.github.m365kit.testkit;
