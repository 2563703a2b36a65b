package io.github.m365kit.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.M365KitException;
import io.github.m365kit.access.MailboxAccess;
import io.github.m365kit.auth.AuthPolicyManager;
import io.github.m365kit.auth.RolloutReport;
import io.github.m365kit.auth.TokenRefresh;
import io.github.m365kit.insights.InsightsSettings;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.mailbox.ConversionOptions;
import io.github.m365kit.mailbox.MailboxConverter;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.Faults;
import io.github.m365kit.memory.InMemoryInsightsStore;
import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.TenantJson;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.BulkOutcome;
import io.github.m365kit.plan.BulkReport;
import io.github.m365kit.plan.BulkRunner;
import io.github.m365kit.plan.Journal;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanFailedException;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.ProgressListener;
import io.github.m365kit.plan.RetryPolicy;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.StepResult;
import io.github.m365kit.plan.StepStatus;
import io.github.m365kit.spi.AuthPolicyStore;
import io.github.m365kit.spi.CloudDirectory;
import io.github.m365kit.spi.InsightsStore;
import io.github.m365kit.spi.MailboxStore;
import io.github.m365kit.spi.OnPremDirectory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix: every plan the library builds, with a transient error, a 429 with Retry-After, a permanent error
 * injected at every port call it makes (so at every step, reads and writes alike), and a crash after every step;
 * then a rerun with the same journal (after a crash: a fresh runner and a re-planned plan). Every run must converge
 * or stop with a typed error naming the step, and the invariants must hold after every step and every run:
 * no user mailbox without an Exchange license, no account deleted, no mutating call succeeding twice for a target.
 */
class FaultMatrixTest {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(30);
  private static final String BLOCK = "Block Basic Auth";
  private static final com.fasterxml.jackson.databind.ObjectMapper SORTED = new com.fasterxml.jackson.databind.ObjectMapper()
      .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

  enum Fault {
    TRANSIENT, THROTTLE, PERMANENT, CRASH
  }

  /** The simulated process death, thrown by the listener after a step. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(String message) {
      super(message);
    }
  }

  /** One port call seen by the counting proxies. */
  record Call(String side, String op, String target, boolean mutating) {}

  /** The demo tenant and directory behind counting proxies, with the invariant. */
  static final class World {
    final InMemoryTenant tenant = InMemoryTenant.demo();
    final InMemoryOnPremDirectory ad = InMemoryOnPremDirectory.demo();
    final InMemoryInsightsStore insightsStore = tenant.insights();
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Integer> applied = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> breaks = Collections.synchronizedList(new ArrayList<>());
    final MailboxStore mailboxes = wrap(MailboxStore.class, tenant, "tenant");
    final CloudDirectory cloud = wrap(CloudDirectory.class, tenant, "tenant");
    final OnPremDirectory onPrem = wrap(OnPremDirectory.class, ad, "ad");
    final AuthPolicyStore policies = wrap(AuthPolicyStore.class, tenant, "tenant");
    final InsightsStore insights = wrap(InsightsStore.class, insightsStore, "insights");
    final MailboxConverter converter = MailboxConverter.using(mailboxes, cloud, onPrem, tenant.clock());
    final AuthPolicyManager auth = AuthPolicyManager.using(policies, cloud, tenant.clock());
    final Journal journal = Journal.inMemory();
    private int cloudUsers;
    private int adUsers;

    /** Starts counting: what setup did is not part of the scenario. */
    void startCounting() {
      calls.clear();
      applied.clear();
      cloudUsers = tenant.users().size();
      adUsers = ad.users().size();
    }

    Faults faults(String side) {
      return switch (side) {
        case "ad" -> ad.faults();
        case "insights" -> insightsStore.faults();
        default -> tenant.faults();
      };
    }

    void clearFaults() {
      tenant.faults().clear();
      ad.faults().clear();
      insightsStore.faults().clear();
    }

    PlanRunner runner(ProgressListener listener) {
      return PlanRunner.builder().journal(journal).sleeper(tenant.simulatedClock().sleeper()).retryPolicy(retry()).listener(listener).build();
    }

    BulkRunner bulk(ProgressListener listener) {
      return BulkRunner.builder().journal(journal).sleeper(tenant.simulatedClock().sleeper()).retryPolicy(retry()).listener(listener)
          .concurrency(1, 1).build();
    }

    static RetryPolicy retry() {
      return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** Records a break of an invariant; read directly from the in-memory state, never through the proxies. */
    void checkInvariant(String where) {
      for (Mailbox m : tenant.mailboxes()) {
        if (m.type() == MailboxType.USER) {
          Optional<CloudUser> u = tenant.users().stream().filter(x -> x.userPrincipalName().equals(m.userPrincipalName())).findFirst();
          if (u.isEmpty() || !u.get().hasExchangeLicense()) {
            breaks.add(where + ": " + m.primarySmtpAddress() + " is a user mailbox without an Exchange license");
          }
        }
      }
      if (tenant.users().size() < cloudUsers) {
        breaks.add(where + ": cloud user count dropped from " + cloudUsers + " to " + tenant.users().size());
      }
      if (ad.users().size() < adUsers) {
        breaks.add(where + ": AD user count dropped from " + adUsers + " to " + ad.users().size());
      }
      synchronized (applied) {
        applied.forEach((k, n) -> {
          if (n > 1) {
            breaks.add(where + ": " + k + " succeeded " + n + " times");
          }
        });
      }
    }

    /** @return the whole state, with instants blanked (retries advance the simulated clock) */
    String snapshot() {
      StringBuilder s = new StringBuilder(sortedKeys(TenantJson.write(tenant))).append('\n').append(ad.users()).append('\n').append(ad.containers());
      for (CloudUser u : tenant.users()) {
        s.append('\n').append(u.userPrincipalName()).append(' ').append(insightsStore.userConfig(u.userPrincipalName()));
      }
      return s.toString().replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<instant>");
    }

    /** Map order follows the order of changes, which a resumed run may change: compare with sorted keys. */
    private static String sortedKeys(String json) {
      try {
        return SORTED.writeValueAsString(SORTED.readValue(json, Object.class));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private <T> T wrap(Class<T> port, Object target, String side) {
      InvocationHandler h = (proxy, method, args) -> {
        if (method.getDeclaringClass() == Object.class) {
          return method.invoke(target, args);
        }
        if (method.isDefault()) {
          // run the port's default method on the proxy: the calls it makes are then seen (and faulted) one by one
          return InvocationHandler.invokeDefault(proxy, method, args);
        }
        // the name the in-memory backend gives the operation in its Faults (AuthPolicyStore.find is "findPolicy")
        String op = port == AuthPolicyStore.class && method.getName().equals("find") ? "findPolicy" : method.getName();
        boolean mutating = (method.getReturnType() == void.class && !op.startsWith("forEach")) || op.equals("move");
        // the operation and its arguments (an instant stands for "now"): the same change for the same target
        String key = side + "." + op + (args == null ? "()"
            : java.util.Arrays.stream(args).map(a -> a instanceof Instant ? "<now>" : String.valueOf(a)).collect(Collectors.joining(", ", "(", ")")));
        calls.add(new Call(side, op, key, mutating));
        Object result;
        try {
          result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
        if (mutating) {
          applied.merge(key, 1, Integer::sum);
        }
        return result;
      };
      return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, h));
    }
  }

  /** The outcome of one run: converged, or the typed failures it stopped with. */
  record Outcome(List<PlanFailedException> stoppedAtStep, List<String> stoppedInPlanning) {
    boolean converged() {
      return stoppedAtStep.isEmpty() && stoppedInPlanning.isEmpty();
    }
  }

  /** A piece of work the library plans and runs, and a read-only check that it is finished. */
  interface Work {
    Outcome run(World w, ProgressListener listener);

    /** @return the steps a fresh plan still needs (empty when finished) */
    List<String> remaining(World w);
  }

  record Scenario(String name, java.util.function.Consumer<World> setup, Work work) {}

  /** Counts step callbacks, checks the invariant after each and crashes after the n-th. */
  static final class Watch implements ProgressListener {
    private final World w;
    private final int crashAfter;
    private final AtomicInteger finished = new AtomicInteger();
    private final List<String> throttleWaits = Collections.synchronizedList(new ArrayList<>());

    Watch(World w, int crashAfter) {
      this.w = w;
      this.crashAfter = crashAfter;
    }

    @Override
    public void stepFinished(String planId, StepResult result) {
      w.checkInvariant("after " + planId + "/" + result.stepId());
      if (finished.incrementAndGet() == crashAfter) {
        throw new Crash("simulated crash after step " + crashAfter + " (" + result.stepId() + ")");
      }
    }

    @Override
    public void retrying(String planId, String stepId, int attempt, Duration wait, RuntimeException cause) {
      if (cause instanceof io.github.m365kit.ThrottledException && wait.compareTo(RETRY_AFTER) < 0) {
        throttleWaits.add(planId + "/" + stepId + " waited " + wait + " after a throttle with Retry-After " + RETRY_AFTER);
      }
    }
  }

  static Work single(java.util.function.Function<World, Plan> planner) {
    return new Work() {
      @Override
      public Outcome run(World w, ProgressListener listener) {
        Plan plan;
        try {
          plan = planner.apply(w);
        } catch (M365KitException e) {
          return new Outcome(List.of(), List.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        RunResult r = w.runner(listener).run(plan);
        return new Outcome(r.failure().map(List::of).orElse(List.of()), List.of());
      }

      @Override
      public List<String> remaining(World w) {
        return pending(planner.apply(w));
      }
    };
  }

  static List<String> pending(Plan plan) {
    return PlanRunner.builder().journal(Journal.inMemory()).build().dryRun(plan).steps().stream()
        .filter(s -> s.status() != StepStatus.WOULD_SKIP).map(s -> plan.id() + "/" + s.stepId()).toList();
  }

  static Outcome bulkOutcome(BulkReport report) {
    List<PlanFailedException> atStep = new ArrayList<>();
    List<String> planning = new ArrayList<>();
    for (BulkOutcome o : report.outcomes()) {
      if (o.status() != BulkOutcome.Status.FAILED) {
        continue;
      }
      Optional<PlanFailedException> f = o.result().flatMap(RunResult::failure);
      if (f.isPresent()) {
        atStep.add(f.get());
      } else {
        planning.add(o.target() + ": " + o.reason().orElse("?"));
      }
    }
    return new Outcome(atStep, planning);
  }

  static ConversionOptions departing() {
    return ConversionOptions.toShared().withRemoveLicenses(true).withDisableAccount(true).withMoveTo(DemoCast.DEPARTED_OU)
        .withRevokeSessions(true).withRoutingDomain(DemoCast.ROUTING_DOMAIN);
  }

  static Work convert(Upn who, ConversionOptions options) {
    return single(w -> w.converter.plan(who.value(), options, w.journal));
  }

  static List<Upn> insightsUsers() {
    List<Upn> u = new ArrayList<>(DemoCast.FINANCE);
    u.addAll(DemoCast.EXTRAS);
    return u;
  }

  static List<Scenario> scenarios() {
    ConversionOptions toRegular = ConversionOptions.toRegular().withMoveTo(DemoCast.STAFF_OU);
    Work rollout = new Work() {
      @Override
      public Outcome run(World w, ProgressListener listener) {
        RolloutReport r;
        try {
          r = w.auth.rollout(BLOCK).tokenRefresh(TokenRefresh.EXCHANGE_STS).journal(w.journal).listener(listener)
              .sleeper(w.tenant.simulatedClock().sleeper()).retryPolicy(World.retry()).concurrency(1, 1).run();
        } catch (M365KitException e) {
          if (e.getCause() instanceof Crash c) {
            throw c;
          }
          return new Outcome(List.of(), List.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        return bulkOutcome(r.bulk());
      }

      @Override
      public List<String> remaining(World w) {
        List<String> out = new ArrayList<>();
        w.auth.rollout(BLOCK).targets().forEach((u, p) -> out.addAll(pending(w.auth.rolloutPlan(u, p, TokenRefresh.NONE))));
        return out;
      }
    };
    Work optOut = new Work() {
      @Override
      public Outcome run(World w, ProgressListener listener) {
        InsightsSettings s = InsightsSettings.using(w.insights, w.cloud);
        try {
          return bulkOutcome(s.runBulk(w.bulk(listener), insightsUsers(), PrivacyMode.OPT_OUT));
        } catch (M365KitException e) {
          if (e.getCause() instanceof Crash c) {
            throw c;
          }
          throw e;
        }
      }

      @Override
      public List<String> remaining(World w) {
        return pending(InsightsSettings.using(w.insights, w.cloud).privacyModePlan(insightsUsers(), PrivacyMode.OPT_OUT));
      }
    };
    return List.of(
        new Scenario("convert jane (synced) to shared, departing", w -> {}, convert(DemoCast.JANE, departing())),
        new Scenario("convert cloud.only to shared, departing", w -> {}, convert(DemoCast.CLOUD_ONLY, departing())),
        new Scenario("convert big.mailbox to shared, departing", w -> {}, convert(DemoCast.BIG, departing())),
        new Scenario("reverse jane to regular", w -> PlanRunner.builder().sleeper(w.tenant.simulatedClock().sleeper()).build()
            .run(MailboxConverter.using(w.tenant, w.tenant, w.ad, w.tenant.clock()).plan(DemoCast.JANE.value(), departing())).orThrow(),
            convert(DemoCast.JANE, toRegular)),
        new Scenario("repair cloud.first", w -> {},
            single(w -> w.converter.repair(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN)))),
        new Scenario("UM trap: reception to shared", w -> {}, convert(DemoCast.RECEPTION, ConversionOptions.toShared())),
        new Scenario("policy rollout to all", w -> PlanRunner.create().run(AuthPolicyManager.using(w.tenant, w.tenant, w.tenant.clock()).create(BLOCK)).orThrow(),
            rollout),
        new Scenario("insights bulk opt-out", w -> {}, optOut),
        new Scenario("access grant", w -> {},
            single(w -> MailboxAccess.using(w.mailboxes, w.cloud).grant(SmtpAddress.of(DemoCast.RECEPTION.value()), DemoCast.ADMIN, false))));
  }

  /** What the clean run of a scenario did: its port calls, its step count, its end state. */
  record Baseline(List<Call> calls, int steps, String endState) {}

  static Baseline baseline(Scenario s) {
    World w = new World();
    s.setup().accept(w);
    w.startCounting();
    Watch watch = new Watch(w, Integer.MAX_VALUE);
    Outcome o = s.work().run(w, watch);
    List<Call> calls = List.copyOf(w.calls);
    assertThat(o.converged()).as("clean run of %s: %s", s.name(), o).isTrue();
    assertThat(w.breaks).as("clean run of %s", s.name()).isEmpty();
    assertThat(s.work().remaining(w)).as("clean run of %s leaves nothing", s.name()).isEmpty();
    assertThat(w.applied).as("clean run of %s changes something", s.name()).isNotEmpty();
    return new Baseline(calls, watch.finished.get(), w.snapshot());
  }

  /** Counters for the summary. */
  static final class Tally {
    int scenarios;
    int convertedFirstRun;
    int absorbedWhilePlanning;
    int stoppedAtStep;
    int stoppedInPlanning;
    int converged;
    final Map<Fault, Integer> byFault = new LinkedHashMap<>();
    final List<String> breaks = new ArrayList<>();
  }

  @Test
  void everyPlan_underEveryFaultAtEveryStep_convergesWithInvariantsIntact() {
    Instant started = Instant.now();
    Tally t = new Tally();
    List<String> lines = new ArrayList<>();
    for (Scenario s : scenarios()) {
      Baseline b = baseline(s);
      int before = t.scenarios;
      for (int i = 0; i < b.calls().size(); i++) {
        Call c = b.calls().get(i);
        int nth = 0;
        for (int j = 0; j <= i; j++) {
          Call d = b.calls().get(j);
          if (d.side().equals(c.side()) && d.op().equals(c.op())) {
            nth++;
          }
        }
        for (Fault f : List.of(Fault.TRANSIENT, Fault.THROTTLE, Fault.PERMANENT)) {
          runOne(s, b, f, c, nth, 0, t);
        }
      }
      for (int k = 1; k <= b.steps(); k++) {
        runOne(s, b, Fault.CRASH, null, 0, k, t);
      }
      lines.add(String.format("  %-48s %4d port calls %3d steps %5d runs", s.name(), b.calls().size(), b.steps(), t.scenarios - before));
    }
    System.out.println("Fault matrix (" + Duration.between(started, Instant.now()).toMillis() + " ms)");
    lines.forEach(System.out::println);
    System.out.println("  scenarios run: " + t.scenarios + " " + t.byFault + "; converged: " + t.converged + " (first run: " + t.convertedFirstRun
        + ", stopped at a named step then resumed: " + t.stoppedAtStep + ", stopped while planning then resumed: " + t.stoppedInPlanning
        + ", permanent errors absorbed by a planning probe: " + t.absorbedWhilePlanning + "); invariant breaks: " + t.breaks.size());
    t.breaks.stream().limit(40).forEach(x -> System.out.println("  BREAK " + x));
    try {
      java.nio.file.Files.write(java.nio.file.Path.of("target", "fault-matrix-breaks.txt"), t.breaks);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(t.breaks).isEmpty();
    assertThat(t.converged).isEqualTo(t.scenarios);
  }

  private static void runOne(Scenario s, Baseline b, Fault fault, Call at, int nth, int crashAfter, Tally t) {
    t.scenarios++;
    t.byFault.merge(fault, 1, Integer::sum);
    String id = s.name() + " / " + fault + (at != null ? " at " + at.side() + "." + at.op() + " #" + nth : " after step " + crashAfter);
    World w = new World();
    s.setup().accept(w);
    w.startCounting();
    if (at != null) {
      Faults faults = w.faults(at.side());
      switch (fault) {
        case TRANSIENT -> faults.transientNth(at.op(), nth);
        case THROTTLE -> faults.throttleNth(at.op(), nth, RETRY_AFTER);
        default -> faults.permanentNth(at.op(), nth);
      }
    }
    Outcome first;
    boolean crashed = false;
    Watch watch = new Watch(w, fault == Fault.CRASH ? crashAfter : Integer.MAX_VALUE);
    try {
      first = s.work().run(w, watch);
    } catch (Crash c) {
      crashed = true;
      first = null;
    } catch (RuntimeException e) {
      t.breaks.add(id + ": untyped or unexpected failure " + e);
      return;
    }
    w.checkInvariant(id + ", after the first run");
    if (fault == Fault.CRASH && !crashed) {
      t.breaks.add(id + ": the crash did not happen");
    }
    if (first != null) {
      for (PlanFailedException e : first.stoppedAtStep()) {
        if (e.stepId() == null || e.stepId().isBlank() || !e.getMessage().contains(e.stepId())) {
          t.breaks.add(id + ": failure names no step: " + e.getMessage());
        }
      }
      if (at != null && w.faults(at.side()).calls(at.op()) < nth) {
        t.breaks.add(id + ": the injected fault never fired (the call sequence differs from the clean run's)");
      }
      t.breaks.addAll(watch.throttleWaits.stream().map(x -> id + ": " + x).toList());
      if (first.converged()) {
        t.convertedFirstRun++;
        // a permanent error that still converges was absorbed by a read-only probe while planning (MailboxConverter
        // checks whether every step is done before it returns a plan, and treats an error there as "not done")
        if (fault == Fault.PERMANENT) {
          t.absorbedWhilePlanning++;
        }
      } else if (!first.stoppedAtStep().isEmpty()) {
        t.stoppedAtStep++;
      } else {
        t.stoppedInPlanning++;
      }
    }
    w.clearFaults();
    Outcome second;
    try {
      second = s.work().run(w, new Watch(w, Integer.MAX_VALUE));
    } catch (RuntimeException | Crash e) {
      t.breaks.add(id + ": rerun threw " + e);
      return;
    }
    w.checkInvariant(id + ", after the rerun");
    if (!second.converged()) {
      t.breaks.add(id + ": rerun did not converge: " + second);
      return;
    }
    List<String> left = s.work().remaining(w);
    if (!left.isEmpty()) {
      t.breaks.add(id + ": steps left after the rerun: " + left);
      return;
    }
    String end = w.snapshot();
    if (!end.equals(b.endState())) {
      t.breaks.add(id + ": end state differs from the clean run's: " + firstDifference(b.endState(), end));
      return;
    }
    t.breaks.addAll(w.breaks.stream().distinct().map(x -> id + ": " + x).collect(Collectors.toList()));
    if (w.breaks.isEmpty()) {
      t.converged++;
    }
  }

  private static String firstDifference(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 60);
    return "expected …" + a.substring(from, Math.min(a.length(), i + 60)) + "… got …" + b.substring(from, Math.min(b.length(), i + 60)) + "…";
  }
}
