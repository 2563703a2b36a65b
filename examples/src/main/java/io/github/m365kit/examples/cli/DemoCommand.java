package io.github.m365kit.examples.cli;

import io.github.m365kit.group.CloudUserSubject;
import io.github.m365kit.group.CompiledRule;
import io.github.m365kit.group.GroupMembershipRule;
import io.github.m365kit.group.GroupMembershipRuleBuilder;
import io.github.m365kit.group.UserProperty;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Upn;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code m365kit demo}: plays the seed's scenarios end to end on the embedded default and verifies each; exits 0
 * only if every verification passed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Play the seed's scenarios end to end on the demo tenant and verify them.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Checks checks = new Checks(out);
    out.println("m365kit demo — tenant " + DemoCast.TENANT + ", AD domain contoso.com");
    try (Sandbox sb = Sandbox.demo()) {
      out.println("on-prem AD: embedded LDAP server at " + sb.ldap.ldapUrl() + " (real LDAP over a socket); cloud: in-memory tenant");
      MailboxDemo.offboardHybridUser(sb, out, checks);
      MailboxDemo.umTrap(sb, out, checks);
      MailboxDemo.bigMailboxOnHold(sb, out, checks);
      MailboxDemo.repairCloudFirst(sb, out, checks);
      AuthDemo.shutOffBasicAuth(sb, out, checks);
      ruleSection(sb, out, checks);
      AccessDemo.insightsAndOwa(sb, out, checks);
    }
    checks.summary();
    out.flush();
    return checks.allPassed() ? 0 : 1;
  }

  static void heading(PrintWriter out, String title) {
    out.println();
    out.println("== " + title);
  }

  private static void ruleSection(Sandbox sb, PrintWriter out, Checks checks) {
    heading(out, "Dynamic group: everyone in Finance plus four people");
    String seedRule = "(user.department -eq \"Finance\") -or (user.mail -eq \"user1@contoso.com\") -or (user.mail -eq \"user2@contoso.com\")"
        + " -or (user.mail -eq \"user3@contoso.com\") -or (user.mail -eq \"user4@contoso.com\")";
    out.println("  the seed's rule:   " + seedRule);
    GroupMembershipRule simplified = GroupMembershipRule.parse(seedRule).simplify();
    out.println("  simplified:        " + simplified.toRuleText());
    GroupMembershipRule built = GroupMembershipRuleBuilder.where(UserProperty.DEPARTMENT.eq("Finance"))
        .orAnyOf(UserProperty.MAIL, DemoCast.EXTRAS.stream().map(Upn::value).toList()).build();
    out.println("  built fluently:    " + built.toRuleText());
    checks.check("the builder and the simplifier give the same rule", built.toRuleText().equals(simplified.toRuleText()));
    checks.check("the rule validates without errors", built.validate().stream().noneMatch(f -> f.isError()));
    CompiledRule compiled = built.compile(sb.tenant.clock());
    List<Upn> members = new ArrayList<>();
    sb.tenant.forEachUser(u -> {
      if (compiled.test(CloudUserSubject.of(u))) {
        members.add(u.userPrincipalName());
      }
    });
    out.println("  preview over the tenant: " + members);
    List<Upn> expected = new ArrayList<>(DemoCast.FINANCE);
    expected.addAll(DemoCast.EXTRAS);
    checks.check("the preview is exactly Finance plus user1..user4", members.size() == expected.size() && members.containsAll(expected));
    CloudUser unrelated = sb.tenant.getUser(DemoCast.JANE);
    checks.check("jane.doe (Sales) is not a member", !compiled.test(CloudUserSubject.of(unrelated)));
  }
}
