/**
 * Plans and their runners: every state-changing operation in m365kit first builds a {@link io.github.m365kit.plan.Plan}
 * of ordered, idempotent {@link io.github.m365kit.plan.Step}s that can be shown ({@link io.github.m365kit.plan.PlanRenderer})
 * and run with a {@link io.github.m365kit.plan.Journal} ({@link io.github.m365kit.plan.PlanRunner},
 * {@link io.github.m365kit.plan.BulkRunner}).
 */
package io.github.m365kit.plan;
