/**
 * Switching off basic (legacy) authentication in Exchange Online safely: authentication policies and their
 * rollout ({@link io.github.m365kit.auth.AuthPolicyManager}), the readiness audit of legacy sign-ins with
 * password-spray detection ({@link io.github.m365kit.auth.LegacyAuthAudit}), and the alternatives: a Conditional
 * Access policy blocking legacy authentication ({@link io.github.m365kit.auth.LegacyAuthBlockPolicy}) and a Log
 * Analytics query ({@link io.github.m365kit.auth.LegacyAuthKql}).
 *
 * <p>Quick start:
 * <pre>{@code
 * AuthPolicyManager auth = AuthPolicyManager.using(policyStore, cloudDirectory, Clock.systemUTC());
 * LegacyAuthReport audit = LegacyAuthAudit.builder().build().audit(Path.of("signins.json"));
 * System.out.println(audit.render(LegacyAuthReport.Format.TEXT));
 * PlanRunner runner = PlanRunner.create();
 * runner.run(auth.create("Block Basic Auth")).orThrow();
 * runner.run(auth.assign("Block Basic Auth", pilots, TokenRefresh.EXCHANGE_STS)).orThrow();
 * RolloutReport r = auth.rollout("Block Basic Auth").journal(Journal.jsonLines(Path.of("rollout.jsonl"))).run();
 * runner.run(auth.setOrgDefault("Block Basic Auth")).orThrow();
 * }</pre>
 *
 * <p>Nothing here accepts or returns null unless a method says so.
 */
package io.github.m365kit.auth;
