// m365kit quick start for JShell: ./m365kit shell  (or: jshell --class-path <jars> examples/jshell/quickstart.jsh)
// The script checks its own results and ends with /exit: JShell itself exits 0 even after errors.
import io.github.m365kit.memory.*;
import io.github.m365kit.model.*;
import io.github.m365kit.group.*;
import io.github.m365kit.plan.*;

var tenant = InMemoryTenant.demo();
var jane = tenant.get(SmtpAddress.of("jane.doe@contoso.com"));
System.out.println(jane.primarySmtpAddress() + " is a " + jane.type() + " mailbox of " + jane.totalItemSizeBytes() / (1L << 30) + " GB");

var rule = GroupMembershipRuleBuilder.where(UserProperty.DEPARTMENT.eq("Finance")).orAnyOf(UserProperty.MAIL, "user1@contoso.com", "user2@contoso.com").build();
System.out.println(rule.toRuleText());
var compiled = rule.compile(tenant.clock());
var members = new java.util.ArrayList<String>();
tenant.forEachUser(u -> { if (compiled.test(CloudUserSubject.of(u))) members.add(u.userPrincipalName().value()); });
System.out.println("members: " + members);

// the service rules are enforced: converting needs a license at that moment
tenant.removeLicenses(Upn.of("jane.doe@contoso.com"), java.util.Set.of(License.OFFICE_365_E3.skuId()));
String refused;
try { tenant.setType(SmtpAddress.of("jane.doe@contoso.com"), MailboxType.SHARED); refused = "no"; } catch (io.github.m365kit.ServiceRuleException e) { refused = e.rule().toString(); }
System.out.println("conversion without a license: " + refused);

boolean ok = members.size() == 5 && refused.equals("CONVERSION_REQUIRES_LICENSE");
System.out.println(ok ? "quickstart OK" : "quickstart FAILED");
/exit ok ? 0 : 1
