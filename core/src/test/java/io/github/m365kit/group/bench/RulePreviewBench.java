package io.github.m365kit.group.bench;

import io.github.m365kit.group.CompiledRule;
import io.github.m365kit.group.GroupMembershipRule;
import io.github.m365kit.group.MembershipPreview;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Times {@link MembershipPreview} on generated users. Not a test; run it by hand:
 * <pre>
 * mvn -q -pl core test-compile
 * java -cp "core/target/classes:core/target/test-classes:$(cat cp.txt)" \
 *     io.github.m365kit.group.bench.RulePreviewBench 1000000 /tmp/users.json
 * </pre>
 * The printed jq filter evaluates the same rule, for comparison.
 */
public final class RulePreviewBench {

    /** The 6-clause rule that is timed. */
    public static final String RULE = "user.accountEnabled -eq true"
            + " -and user.department -in [\"Finance\",\"Sales\",\"IT\"]"
            + " -and user.country -eq \"us\""
            + " -and user.proxyAddresses -any (_ -startsWith \"smtp:\")"
            + " -and user.assignedPlans -any (assignedPlan.servicePlanId -eq \"" + SyntheticUsers.EXCHANGE_PLAN
            + "\" -and assignedPlan.capabilityStatus -eq \"Enabled\")"
            + " -and user.extensionAttribute1 -ne \"contractor\"";

    private RulePreviewBench() {
    }

    /**
     * Generates users (unless the file exists) and times the preview.
     *
     * @param args [count, default 1000000] [file, default a temp file] [rounds, default 3]
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("users", ".json");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.exists(file) || Files.size(file) == 0) {
            long t0 = System.nanoTime();
            SyntheticUsers.write(file, count, 999, SyntheticUsers.Shape.PAGES, 42);
            System.out.printf("generated %,d users (%,d bytes) in %.1f s%n", count, Files.size(file),
                    (System.nanoTime() - t0) / 1e9);
        }
        CompiledRule rule = GroupMembershipRule.parse(RULE).compile();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            List<String> upns = MembershipPreview.matchingUserPrincipalNames(file, rule);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: %,d matches of %,d users in %.2f s = %,.0f users/s%n", i + 1, upns.size(),
                    count, s, count / s);
        }
        System.out.println("jq equivalent: jq -r '.value[] | select(.accountEnabled == true"
                + " and ((.department // \"\" | ascii_downcase) as $d | [\"finance\",\"sales\",\"it\"] | index($d))"
                + " and ((.country // \"\" | ascii_downcase) == \"us\")"
                + " and any(.proxyAddresses[]?; ascii_downcase | startswith(\"smtp:\"))"
                + " and any(.assignedPlans[]?; (.servicePlanId | ascii_downcase) == \"" + SyntheticUsers.EXCHANGE_PLAN
                + "\" and (.capabilityStatus | ascii_downcase) == \"enabled\")"
                + " and ((.onPremisesExtensionAttributes.extensionAttribute1 // \"\" | ascii_downcase) != \"contractor\"))"
                + " | .userPrincipalName' " + file + " | wc -l");
    }
}
