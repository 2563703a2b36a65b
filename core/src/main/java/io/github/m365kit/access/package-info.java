/**
 * Opening another user's Exchange Online mailbox from an account that has no license or mailbox of its own:
 * {@link io.github.m365kit.access.MailboxAccess} grants, revokes and checks FullAccess through the mailbox port, and
 * {@link io.github.m365kit.access.OwaUrls} builds the direct Outlook on the web URLs, with every address validated and
 * percent-encoded as one path segment.
 *
 * <p>UNCONFIRMED by Microsoft documentation, and said so in the output: both URL forms, and the time a permission
 * takes to apply (third-party guidance: about 15-60 minutes).
 *
 * <p>Quick start:
 * <pre>{@code
 * var tenant = InMemoryTenant.demo();
 * var access = MailboxAccess.using(tenant, tenant);
 * var reception = SmtpAddress.of("reception@contoso.com");
 * PlanRunner.create().run(access.grant(reception, DemoCast.ADMIN, false)).orThrow();
 * System.out.println(OwaUrls.classic(reception));   // https://outlook.office.com/owa/reception@contoso.com/?offline=disabled
 * }</pre>
 * Nothing accepts or returns null.
 */
package io.github.m365kit.access;
