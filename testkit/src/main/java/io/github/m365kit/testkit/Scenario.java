package io.github.m365kit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Seeds the {@link M365Sandbox} tenant from a scenario on the test class path,
 * {@code m365kit/scenarios/<name>/tenant.json}, in the format of {@link io.github.m365kit.memory.TenantJson}.
 * The clock starts at the file's {@code "now"}.
 *
 * <p>Scenarios shipped with m365kit-testkit:
 * <ul>
 *   <li>{@code demo} — the demo cast of {@link io.github.m365kit.memory.DemoCast}, as {@code InMemoryTenant.demo()};</li>
 *   <li>{@code um-trap} — {@code reception@contoso.com}, shared, unlicensed and still holding UM extension 4123,
 *       and {@code new.receptionist@contoso.com}, licensed, who needs that extension;</li>
 *   <li>{@code empty} — a tenant with no users.</li>
 * </ul>
 * Put your own under {@code src/test/resources/m365kit/scenarios/<name>/tenant.json}; write one by hand or save a
 * tenant with {@code TenantJson.save(tenant, path)}.
 *
 * <p>On a test method it overrides the class's scenario; with {@link M365Sandbox.Lifecycle#PER_CLASS} it may only be
 * put on the class.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Scenario {

  /**
   * The scenario's name: letters, digits, {@code .}, {@code _} and {@code -}.
   *
   * @return the name, e.g. {@code "um-trap"}
   */
  String value();

  /**
   * The on-prem side of the scenario. Scenarios are cloud state only ({@code tenant.json}); LDIF is read by the
   * LDAP adapter, not here.
   *
   * @return {@link OnPrem#DEMO} unless set
   */
  OnPrem onPrem() default OnPrem.DEMO;

  /** The on-prem directory a scenario runs with. */
  enum OnPrem {
    /** {@code InMemoryOnPremDirectory.demo()}: the demo cast under {@code OU=Staff,DC=contoso,DC=com}. */
    DEMO,
    /** {@code DC=contoso,DC=com} with the empty OUs {@code OU=Staff} and {@code OU=Departed}. */
    EMPTY
  }
}
