/**
 * Converting Exchange Online mailboxes between user and shared, in hybrid and cloud-only organisations:
 * {@link io.github.m365kit.mailbox.MailboxConverter} with its {@link io.github.m365kit.mailbox.ConversionOptions},
 * {@link io.github.m365kit.mailbox.Preflight} findings and {@link io.github.m365kit.mailbox.Explanation}s of service
 * refusals.
 *
 * <p>Nothing here deletes an account or a mailbox. Every parameter and return value is non-null unless documented
 * otherwise; absent values are {@link java.util.Optional}.
 *
 * <pre>{@code
 * InMemoryTenant tenant = InMemoryTenant.demo();
 * InMemoryOnPremDirectory ad = InMemoryOnPremDirectory.demo();
 * MailboxConverter converter = MailboxConverter.using(tenant, tenant, ad, tenant.clock());
 * Plan plan = converter.plan("jane.doe@contoso.com", ConversionOptions.toShared()
 *     .withRemoveLicenses(true).withDisableAccount(true).withMoveTo(DemoCast.DEPARTED_OU));
 * System.out.println(PlanRenderer.render(plan, PlanRenderer.Format.TEXT));
 * PlanRunner.create().run(plan).orThrow();   // resume after a crash: converter.plan(id, options, journal)
 * }</pre>
 */
package io.github.m365kit.mailbox;
