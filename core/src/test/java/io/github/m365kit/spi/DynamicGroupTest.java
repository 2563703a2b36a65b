package io.github.m365kit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The group names are checked as Graph checks them, before any call. */
class DynamicGroupTest {
  private static final String RULE = "(user.department -eq \"Sales\")";

  private static GroupStore.DynamicGroup group(String displayName, String mailNickname) {
    return new GroupStore.DynamicGroup(null, displayName, mailNickname, false, RULE, false);
  }

  @Test
  void displayName_hasOneTo256Characters() {
    assertThat(group("x".repeat(256), "sales").displayName()).hasSize(256);
    assertThatThrownBy(() -> group("x".repeat(257), "sales")).isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 256");
    assertThatThrownBy(() -> group(" ", "sales")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void mailNickname_hasOneTo64Characters() {
    assertThat(group("Sales", "n".repeat(64)).mailNickname()).hasSize(64);
    assertThatThrownBy(() -> group("Sales", "n".repeat(65))).isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 64");
    assertThatThrownBy(() -> group("Sales", "")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void mailNickname_takesPrintableAsciiFromBangToTilde() {
    assertThat(group("Sales", "!~sales-team_1").mailNickname()).isEqualTo("!~sales-team_1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sales team", "sales\u007f", "sal\u00e9s", "a@b", "a(b", "a)b", "a\\b", "a[b", "a]b", "a\"b", "a;b", "a:b", "a.b", "a<b", "a>b", "a,b"})
  void mailNickname_refusesSpacesNonAsciiAndTheReservedCharacters(String nickname) {
    assertThatThrownBy(() -> group("Sales", nickname)).isInstanceOf(InvalidInputException.class).hasMessageContaining("is not allowed");
  }

  @Test
  void mailNickname_namesAControlCharacterByCodePoint() {
    assertThatThrownBy(() -> group("Sales", "a b")).hasMessageContaining("character U+0020 is not allowed");
    assertThatThrownBy(() -> group("Sales", "a;b")).hasMessageContaining("character ';' is not allowed");
  }

  @Test
  void id_absentMeansEmpty() {
    assertThat(group("Sales", "sales").id()).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> new GroupStore.DynamicGroup(Optional.empty(), "Sales", "sales", true, " ", false))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("membership rule");
  }
}
