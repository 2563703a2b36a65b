package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Offline evaluation: -contains positions, values that are not strings, and the streaming preview's JSON values. */
class RuleEvaluationEdgesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);

    private static boolean eval(String rule, String property, Object value) {
        Map<String, Object> user = new HashMap<>();
        user.put(property, value);
        return GroupMembershipRule.parse(rule).compile(CLOCK).test(RuleSubject.ofMap(user));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "-contains \"fin\"|Finance|true",      // at the start
        "-contains \"ANCE\"|Finance|true",     // at the very end
        "-contains \"finance\"|FINANCE|true",  // the whole value
        "-contains \"nanc\"|Finance|true",     // in the middle
        "-contains \"xyz\"|Finance|false",     // absent
        "-contains \"Finances\"|Finance|false", // longer than the value
        "-contains \"\"|Finance|true",          // the empty string is in every value
        "-notContains \"ANCE\"|Finance|false",
        "-notContains \"xyz\"|Finance|true",
        "-startsWith \"Finances\"|Finance|false",
        "-endsWith \"xFinance\"|Finance|false",
    })
    void contains_isACaseInsensitiveSubstringTestAtAnyPosition(String opAndValue, String department, boolean expected) {
        assertThat(eval("user.department " + opAndValue, "department", department)).isEqualTo(expected);
    }

    @Test
    void numberValues_compareAsTheirText() {
        assertThat(eval("user.employeeId -eq \"12345\"", "employeeId", 12345)).isTrue();
        assertThat(eval("user.employeeId -startsWith \"12\"", "employeeId", 12345L)).isTrue();
        assertThat(eval("user.employeeId -in [\"7\",\"12345\"]", "employeeId", 12345)).isTrue();
    }

    @Test
    void objectValues_onAStringPropertyCountAsNoValue() {
        Map<String, Object> obj = Map.of("value", "Sales");
        assertThat(eval("user.department -eq \"Sales\"", "department", obj)).isFalse();
        assertThat(eval("user.department -ne \"Sales\"", "department", obj)).isTrue();
        assertThat(eval("user.department -startsWith \"\"", "department", obj)).isFalse();
    }

    @Test
    void listValues_onAStringPropertyUseTheFirstItem() {
        assertThat(eval("user.department -eq \"Sales\"", "department", List.of("Sales", "Finance"))).isTrue();
        assertThat(eval("user.department -eq \"Finance\"", "department", List.of("Sales", "Finance"))).isFalse();
        assertThat(eval("user.department -eq \"Sales\"", "department", List.of())).isFalse();
    }

    private static List<String> preview(String json, String rule) {
        List<String> out = new ArrayList<>();
        MembershipPreview.forEachMatch(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                GroupMembershipRule.parse(rule).compile(CLOCK), out::add);
        return out;
    }

    @Test
    void preview_readsFalseNumbersAndSkipsNonObjectItems() {
        String json = "[1, \"x\", {\"userPrincipalName\":\"a\",\"accountEnabled\":false,\"employeeId\":42},"
                + " {\"userPrincipalName\":\"b\",\"accountEnabled\":true,\"employeeId\":4.5}, null]";
        assertThat(preview(json, "user.accountEnabled -eq false")).containsExactly("a");
        assertThat(preview(json, "user.accountEnabled -ne false")).containsExactly("b");
        assertThat(preview(json, "user.employeeId -eq \"42\"")).containsExactly("a");
        assertThat(preview(json, "user.employeeId -eq \"4.5\"")).containsExactly("b");
    }

    @Test
    void preview_whenInputEndsInsideTheArray_saysSo() {
        assertThatThrownBy(() -> preview("[{\"userPrincipalName\":\"a\"},", "user.objectId -ne null"))
                .isInstanceOf(io.github.m365kit.InvalidInputException.class)
                .hasMessageContaining("end-of-input").hasMessageContaining("(line 1, column 28)");
    }
}
