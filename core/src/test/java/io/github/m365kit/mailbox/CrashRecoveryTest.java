package io.github.m365kit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.Faults;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crashes every plan after each of its steps, and fails each port operation it uses in turn, then reruns with the
 * same journal: the invariant holds throughout and the rerun converges to the same end state.
 */
class CrashRecoveryTest {

  /** A demo situation, the options, and the end state it must reach. */
  record Scenario(String name, Consumer<Fixture> setup, Upn who, ConversionOptions options, Consumer<Fixture> endState) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Scenario> scenarios() {
    return List.of(
        new Scenario("jane departing", f -> {}, DemoCast.JANE, Fixture.departing(), f -> {
          assertThat(f.mailbox(DemoCast.JANE).type()).isEqualTo(MailboxType.SHARED);
          assertThat(f.user(DemoCast.JANE).licenses()).isEmpty();
          assertThat(f.adUser(DemoCast.JANE).isDisabled()).isTrue();
          assertThat(f.adUser(DemoCast.JANE).dn().parent()).isEqualTo(DemoCast.DEPARTED_OU);
          assertThat(f.user(DemoCast.JANE).signInSessionsValidFrom()).isPresent();
        }),
        new Scenario("jane unlicensed", f -> f.tenant.removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId())), DemoCast.JANE,
            ConversionOptions.toShared(), f -> {
              assertThat(f.mailbox(DemoCast.JANE).type()).isEqualTo(MailboxType.SHARED);
              assertThat(f.user(DemoCast.JANE).licenses()).isEmpty();
            }),
        new Scenario("reception UM trap", f -> {}, DemoCast.RECEPTION, ConversionOptions.toShared(), f -> {
          assertThat(f.mailbox(DemoCast.RECEPTION).type()).isEqualTo(MailboxType.SHARED);
          assertThat(f.mailbox(DemoCast.RECEPTION).umExtension()).isEmpty();
          assertThat(f.user(DemoCast.RECEPTION).licenses()).isEmpty();
          assertThat(f.adUser(DemoCast.RECEPTION).umEnabled()).isFalse();
        }),
        new Scenario("big mailbox", f -> {}, DemoCast.BIG, Fixture.departing(), f -> {
          assertThat(f.mailbox(DemoCast.BIG).type()).isEqualTo(MailboxType.SHARED);
          assertThat(f.user(DemoCast.BIG).licenses()).containsExactly(License.OFFICE_365_E3);
        }),
        new Scenario("cloud.first repair", f -> {}, DemoCast.CLOUD_FIRST, Fixture.departing(), f -> {
          assertThat(f.mailbox(DemoCast.CLOUD_FIRST).type()).isEqualTo(MailboxType.SHARED);
          assertThat(f.adUser(DemoCast.CLOUD_FIRST).recipientTypeDetails()).contains(RecipientTypeDetails.REMOTE_SHARED_MAILBOX);
          assertThat(f.user(DemoCast.CLOUD_FIRST).licenses()).isEmpty();
        }),
        new Scenario("cloud.only departing", f -> {}, DemoCast.CLOUD_ONLY, Fixture.departing(), f -> {
          assertThat(f.mailbox(DemoCast.CLOUD_ONLY).type()).isEqualTo(MailboxType.SHARED);
          assertThat(f.user(DemoCast.CLOUD_ONLY).accountEnabled()).isFalse();
          assertThat(f.user(DemoCast.CLOUD_ONLY).licenses()).isEmpty();
        }),
        new Scenario("jane returning", f -> f.runner().run(f.converter.plan(DemoCast.JANE.value(), Fixture.departing())).orThrow(), DemoCast.JANE,
            ConversionOptions.toRegular().withMoveTo(DemoCast.STAFF_OU), f -> {
              assertThat(f.mailbox(DemoCast.JANE).type()).isEqualTo(MailboxType.USER);
              assertThat(f.user(DemoCast.JANE).hasExchangeLicense()).isTrue();
              assertThat(f.adUser(DemoCast.JANE).isDisabled()).isFalse();
              assertThat(f.adUser(DemoCast.JANE).dn().parent()).isEqualTo(DemoCast.STAFF_OU);
            }));
  }

  static Stream<Arguments> crashPoints() {
    List<Arguments> out = new ArrayList<>();
    for (Scenario s : scenarios()) {
      Fixture f = new Fixture();
      s.setup().accept(f);
      int steps = f.converter.plan(s.who().value(), s.options()).steps().size();
      assertThat(steps).as(s.name()).isPositive();
      for (int k = 1; k <= steps; k++) {
        out.add(Arguments.of(s, k, true));
        out.add(Arguments.of(s, k, false));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: crash after step {1}, same plan object {2}")
  @MethodSource("crashPoints")
  void run_whenCrashedAfterAnyStep_rerunWithSameJournalConverges(Scenario s, int crashAfter, boolean samePlan) {
    Fixture f = new Fixture();
    s.setup().accept(f);
    boolean invariantBefore = s.name().equals("jane unlicensed");
    Plan plan = f.converter.plan(s.who().value(), s.options());
    // "jane unlicensed" starts out breaking the invariant (an unlicensed user mailbox): only the end state counts there
    io.github.m365kit.plan.ProgressListener crasher = invariantBefore ? new CrashOnly(crashAfter) : new InvariantListener(f, crashAfter);
    assertThatThrownBy(() -> f.runner(crasher).run(plan)).isInstanceOf(InvariantListener.Crash.class);
    f.assertInvariant();
    Plan again = samePlan ? plan : f.converter.plan(s.who().value(), s.options(), f.journal);
    RunResult r = f.runner(new InvariantListener(f)).run(again);
    assertThat(r.failure()).as("rerun of %s after step %d", s.name(), crashAfter).isEmpty();
    s.endState().accept(f);
    f.assertInvariant();
    assertThat(f.converter.plan(s.who().value(), s.options(), f.journal).isEmpty()).as("nothing left to do").isTrue();
  }

  static Stream<Arguments> faultPoints() {
    List<String> tenantOps = List.of("find", "findByUpn", "findUser", "setType", "disableUnifiedMessaging", "assignLicense", "removeLicenses",
        "setAccountEnabled", "revokeSignInSessions");
    List<String> adOps = List.of("findByUpn", "findBySamAccountName", "findByAddress", "setRecipientTypes", "stampRemoteMailbox",
        "clearUnifiedMessaging", "setAccountDisabled", "move");
    List<Arguments> out = new ArrayList<>();
    for (Scenario s : scenarios()) {
      for (String op : tenantOps) {
        for (int n : new int[] {1, 3}) {
          out.add(Arguments.of(s, "tenant", op, n));
        }
      }
      for (String op : adOps) {
        for (int n : new int[] {1, 3}) {
          out.add(Arguments.of(s, "ad", op, n));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}.{2} fails on call {3}")
  @MethodSource("faultPoints")
  void run_whenAPortOperationFailsPermanently_invariantHoldsAndRerunConverges(Scenario s, String side, String op, int n) {
    Fixture f = new Fixture();
    s.setup().accept(f);
    Plan plan = f.converter.plan(s.who().value(), s.options());
    Function<Fixture, Faults> faults = side.equals("tenant") ? x -> x.tenant.faults() : x -> x.ad.faults();
    faults.apply(f).permanentNth(op, n);
    boolean checkEveryStep = !s.name().equals("jane unlicensed");
    RunResult first = f.runner(checkEveryStep ? new InvariantListener(f) : new CrashOnly(Integer.MAX_VALUE)).run(plan);
    if (checkEveryStep) {
      f.assertInvariant();
    }
    first.failure().ifPresent(e -> assertThat(e).hasMessageContaining("injected"));
    faults.apply(f).clear();
    RunResult r = f.runner(new InvariantListener(f)).run(f.converter.plan(s.who().value(), s.options(), f.journal));
    assertThat(r.failure()).as("rerun of %s after %s.%s failed", s.name(), side, op).isEmpty();
    s.endState().accept(f);
    f.assertInvariant();
  }

  /** Crashes after the n-th step without checking the invariant. */
  private static final class CrashOnly implements io.github.m365kit.plan.ProgressListener {
    private final int crashAfter;
    private int finished;

    CrashOnly(int crashAfter) {
      this.crashAfter = crashAfter;
    }

    @Override
    public void stepFinished(String planId, io.github.m365kit.plan.StepResult result) {
      if (++finished == crashAfter) {
        throw new InvariantListener.Crash("simulated crash after step " + finished);
      }
    }
  }
}
