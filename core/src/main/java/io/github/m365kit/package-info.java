/**
 * m365kit: Microsoft 365 and Exchange hybrid admin chores as typed, ordered, testable operations.
 *
 * <p>Start with {@link io.github.m365kit.memory.InMemoryTenant#demo()} for a seeded tenant with no network, then
 * the operations: {@code MailboxConverter}, {@code AuthPolicyManager}, {@code GroupMembershipRuleBuilder}. Every
 * state-changing operation first builds a {@link io.github.m365kit.plan.Plan} that can be rendered (text,
 * PowerShell, JSON) and run with a journal. All errors are subtypes of {@link io.github.m365kit.M365KitException}.
 *
 * <p>Nothing in m365kit accepts or returns null unless a method says so; absent values are {@code Optional}.
 */
package io.github.m365kit;
