package io.github.m365kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed errors are the library's contract with callers: their messages, accessors and retry classification. */
class ExceptionsTest {
  @Test
  void invalidInput_namesTheFieldQuotesTheValueAndGivesTheReason() {
    InvalidInputException e = new InvalidInputException("UPN", "bob@", "no domain");
    assertThat(e).hasMessage("invalid UPN 'bob@': no domain");
    assertThat(e.what()).isEqualTo("UPN");
    assertThat(e.value()).isEqualTo("bob@");
    assertThat(e.isTransient()).isFalse();
    assertThat(new InvalidInputException("UPN", null, "missing")).hasMessage("invalid UPN null: missing");
  }

  @Test
  void invalidInput_showsControlCharactersEscapedAndCutsLongValuesAt80() {
    assertThat(InvalidInputException.quote("a\nb\u0000c\u007fd\u001f e\u0020")).isEqualTo("'a\\u000ab\\u0000c\\u007fd\\u001f e '");
    String eighty = "x".repeat(80);
    assertThat(InvalidInputException.quote(eighty)).isEqualTo("'" + eighty + "'");
    assertThat(InvalidInputException.quote(eighty + "y")).isEqualTo("'" + "x".repeat(77) + "...'");
    assertThat(InvalidInputException.quote("")).isEqualTo("''");
  }

  @Test
  void notFound_namesKindAndId_orCarriesTheServicesMessage() {
    NotFoundException e = new NotFoundException("user", "bob@contoso.com");
    assertThat(e).hasMessage("user 'bob@contoso.com' was not found");
    assertThat(e.kind()).isEqualTo("user");
    assertThat(e.id()).isEqualTo("bob@contoso.com");
    NotFoundException s = new NotFoundException("mailbox", "bob", "The operation couldn't be performed because object 'bob' couldn't be found");
    assertThat(s).hasMessageStartingWith("The operation couldn't");
    assertThat(s.kind()).isEqualTo("mailbox");
    assertThat(s.id()).isEqualTo("bob");
  }

  @Test
  void ambiguousMatch_countsTheMatchesAndKeepsAnImmutableCopy() {
    List<String> found = new ArrayList<>(List.of("CN=Bob,OU=A", "CN=Bob,OU=B"));
    AmbiguousMatchException e = new AmbiguousMatchException("sAMAccountName=bob", found);
    assertThat(e).hasMessage("sAMAccountName=bob matches 2 objects, expected one: [CN=Bob,OU=A, CN=Bob,OU=B]");
    found.clear();
    assertThat(e.matches()).containsExactly("CN=Bob,OU=A", "CN=Bob,OU=B");
  }

  @Test
  void transientAndThrottled_areRetryable_andCarryTheWait() {
    IOException cause = new IOException("reset");
    TransientException t = new TransientException("503", Duration.ofSeconds(5), cause);
    assertThat(t.isTransient()).isTrue();
    assertThat(t.retryAfter()).contains(Duration.ofSeconds(5));
    assertThat(t).hasCause(cause).hasMessage("503");
    assertThat(new TransientException("timeout", null).retryAfter()).isEmpty();
    ThrottledException th = new ThrottledException("429", Duration.ofMillis(1500));
    assertThat(th.isTransient()).isTrue();
    assertThat(th.retryAfter()).contains(Duration.ofMillis(1500));
    assertThat(new ThrottledException("429", null, cause)).hasCause(cause).satisfies(x -> assertThat(x.retryAfter()).isEmpty());
  }

  @Test
  void permanentErrors_areNotRetryable() {
    IOException cause = new IOException("x");
    BackendException b = new BackendException("ldap", "53", "unwilling to perform", cause);
    assertThat(b.isTransient()).isFalse();
    assertThat(b.backend()).isEqualTo("ldap");
    assertThat(b.code()).isEqualTo("53");
    assertThat(b).hasMessage("unwilling to perform").hasCause(cause);
    assertThat(new ConflictException("exists").isTransient()).isFalse();
    assertThat(new AccessDeniedException("403").isTransient()).isFalse();
    assertThat(new AccessDeniedException("403", cause)).hasCause(cause).hasMessage("403");
    ServiceRuleException r = new ServiceRuleException(ServiceRuleException.Rule.UM_EXTENSION_IN_USE, "extension 4711 is in use");
    assertThat(r.rule()).isEqualTo(ServiceRuleException.Rule.UM_EXTENSION_IN_USE);
    assertThat(r.isTransient()).isFalse();
    assertThat(new M365KitException("x", cause)).hasCause(cause).satisfies(x -> assertThat(x.isTransient()).isFalse());
  }
}
