package io.github.m365kit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against a sandbox: a fresh {@link io.github.m365kit.memory.InMemoryTenant} and
 * {@link io.github.m365kit.memory.InMemoryOnPremDirectory}, seeded with the demo cast unless a {@link Scenario} says
 * otherwise, on a {@link io.github.m365kit.memory.SimulatedClock}.
 *
 * <pre>{@code
 * @M365Sandbox
 * class OffboardingToolTest {
 *   @Test
 *   void convert_makesTheMailboxShared(InMemoryTenant tenant, SimulatedClock clock, Faults faults) {
 *     faults.throttleNth("setType", 1, Duration.ofSeconds(30));
 *     PlanRunner runner = PlanRunner.builder().sleeper(clock.sleeper()).build();
 *     new MyTool(tenant, runner).convert(Upn.of("jane.doe@contoso.com"));
 *     M365Assertions.assertThat(tenant).mailbox("jane.doe@contoso.com").isShared();
 *   }
 * }
 * }</pre>
 *
 * <p>What can be injected, as test and lifecycle-method parameters ({@code @BeforeAll} only with a per-class sandbox), and into instance fields
 * (see {@link M365SandboxExtension} for the field rule):
 * <ul>
 *   <li>{@code InMemoryTenant}, and the cloud ports it implements: {@code MailboxStore}, {@code CloudDirectory},
 *       {@code AuthPolicyStore}, {@code SignInLog};</li>
 *   <li>{@code InMemoryOnPremDirectory} and {@code OnPremDirectory};</li>
 *   <li>{@code SimulatedClock}: the tenant's clock ({@link io.github.m365kit.memory.SimulatedClock#sleeper()} makes
 *       retry waits advance it);</li>
 *   <li>{@code Faults}: the tenant's fault injector (the directory has its own: {@code directory.faults()}).</li>
 * </ul>
 *
 * <p>The on-prem side is always in memory. A sandbox whose on-prem side is a real LDAP server (UnboundID's embedded
 * server, loaded from LDIF) lives in m365kit-ldap.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(M365SandboxExtension.class)
public @interface M365Sandbox {

  /**
   * How long one sandbox lives.
   *
   * @return {@link Lifecycle#PER_METHOD} unless set
   */
  Lifecycle lifecycle() default Lifecycle.PER_METHOD;

  /** How long one sandbox lives. */
  enum Lifecycle {
    /** A fresh sandbox for each test method, shared with that test's {@code @BeforeEach} and {@code @AfterEach}. */
    PER_METHOD,
    /**
     * One sandbox for the whole class, created on first use (a {@code @BeforeAll} method may take it as a
     * parameter to seed it); tests see each other's changes, so order them or keep them independent.
     */
    PER_CLASS
  }
}
