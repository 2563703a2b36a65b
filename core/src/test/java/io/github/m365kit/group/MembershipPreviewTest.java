package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.m365kit.group.bench.RulePreviewBench;
import io.github.m365kit.group.bench.SyntheticUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MembershipPreviewTest {

    @TempDir
    Path dir;

    private static List<String> preview(String json, String rule) {
        List<String> out = new ArrayList<>();
        MembershipPreview.forEachMatch(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                GroupMembershipRule.parse(rule).compile(), out::add);
        return out;
    }

    @ParameterizedTest
    @EnumSource(SyntheticUsers.Shape.class)
    void matchingUserPrincipalNames_whenGeneratedFile_equalsMapBasedEvaluation(SyntheticUsers.Shape shape)
            throws Exception {
        Path file = dir.resolve("users-" + shape + ".json");
        SyntheticUsers.write(file, 2_500, 999, shape, 7);
        CompiledRule rule = GroupMembershipRule.parse(RulePreviewBench.RULE).compile();

        List<String> expected = new ArrayList<>();
        SyntheticUsers.write(dir.resolve("array.json"), 2_500, 999, SyntheticUsers.Shape.ARRAY, 7);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = new ObjectMapper().readValue(dir.resolve("array.json").toFile(), List.class);
        for (Map<String, Object> u : users) {
            if (rule.test(RuleSubject.ofMap(u))) {
                expected.add((String) u.get("userPrincipalName"));
            }
        }

        List<String> actual = MembershipPreview.matchingUserPrincipalNames(file, rule);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).hasSizeBetween(50, 2_000);
    }

    @Test
    void forEachMatch_whenPlainArray_returnsMatchesInInputOrder() {
        String json = "[{\"userPrincipalName\":\"c@x\",\"department\":\"FIN\"},"
                + "{\"userPrincipalName\":\"a@x\",\"department\":\"hr\"},"
                + "{\"userPrincipalName\":\"b@x\",\"department\":\"fin\",\"other\":{\"deep\":[1,{\"x\":null}]}}]";
        assertThat(preview(json, "user.department -eq \"Fin\"")).containsExactly("c@x", "b@x");
    }

    @Test
    void forEachMatch_whenSeveralPages_readsAllPages() {
        String json = "{\"@odata.context\":\"c\",\"value\":[{\"userPrincipalName\":\"1\",\"accountEnabled\":true}],"
                + "\"@odata.nextLink\":\"n\"}\n{\"value\":[{\"userPrincipalName\":\"2\",\"accountEnabled\":false},"
                + "{\"userPrincipalName\":\"3\",\"accountEnabled\":true}]}";
        assertThat(preview(json, "user.accountEnabled -eq true")).containsExactly("1", "3");
    }

    @Test
    void forEachMatch_whenNestedExtensionAttribute_readsIt() {
        String json = "[{\"userPrincipalName\":\"1\",\"onPremisesExtensionAttributes\":{\"extensionAttribute1\":null,"
                + "\"extensionAttribute2\":\"Sales\"}},{\"userPrincipalName\":\"2\"}]";
        assertThat(preview(json, "user.extensionAttribute2 -eq \"sales\"")).containsExactly("1");
        assertThat(preview(json, "user.extensionAttribute2 -eq null")).containsExactly("2");
    }

    @Test
    void forEachMatch_whenUserHasNoUpn_skipsIt() {
        assertThat(preview("[{\"department\":\"x\"},{\"userPrincipalName\":\"u\",\"department\":\"x\"}]",
                "user.department -eq \"x\"")).containsExactly("u");
    }

    @Test
    void forEachMatch_returnsNumberOfUsersRead() {
        long n = MembershipPreview.forEachMatch(new ByteArrayInputStream(
                "{\"value\":[{},{},{}]} [{}]".getBytes(StandardCharsets.UTF_8)),
                GroupMembershipRule.parse("user.objectId -ne null").compile(), upn -> { });
        assertThat(n).isEqualTo(4);
    }

    @Test
    void forEachMatch_whenTruncatedOrWrongShape_throwsInvalidInputWithPosition() {
        assertThatThrownBy(() -> preview("[{\"userPrincipalName\":\"a\",\"department\":", "user.department -eq \"x\""))
                .isInstanceOf(io.github.m365kit.InvalidInputException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> preview("42", "user.department -eq \"x\"")).isInstanceOf(io.github.m365kit.InvalidInputException.class).hasMessageContaining("line 1");
    }

    @Test
    void matchingUserPrincipalNames_whenFileMissing_throwsUncheckedIo() {
        Path missing = dir.resolve("missing.json");
        assertThat(Files.exists(missing)).isFalse();
        assertThatThrownBy(() -> MembershipPreview.matchingUserPrincipalNames(missing,
                GroupMembershipRule.parse("user.objectId -ne null").compile()))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("missing.json");
    }
}
