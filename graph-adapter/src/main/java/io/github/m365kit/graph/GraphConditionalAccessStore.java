package io.github.m365kit.graph;

import com.microsoft.graph.models.ConditionalAccessApplications;
import com.microsoft.graph.models.ConditionalAccessClientApp;
import com.microsoft.graph.models.ConditionalAccessConditionSet;
import com.microsoft.graph.models.ConditionalAccessGrantControl;
import com.microsoft.graph.models.ConditionalAccessGrantControls;
import com.microsoft.graph.models.ConditionalAccessPolicyCollectionResponse;
import com.microsoft.graph.models.ConditionalAccessPolicyState;
import com.microsoft.graph.models.ConditionalAccessUsers;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.github.m365kit.AmbiguousMatchException;
import io.github.m365kit.BackendException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.TransientException;
import io.github.m365kit.auth.ConditionalAccessPolicy;
import io.github.m365kit.auth.ConditionalAccessPolicy.ClientAppType;
import io.github.m365kit.auth.ConditionalAccessPolicy.GrantControls;
import io.github.m365kit.auth.ConditionalAccessPolicy.State;
import io.github.m365kit.auth.ConditionalAccessPolicy.Users;
import io.github.m365kit.spi.ConditionalAccessStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConditionalAccessStore} on Microsoft Graph v1.0 {@code /identity/conditionalAccess/policies}, through the
 * Graph Java SDK v6 (permissions: {@code Policy.Read.All}, {@code Policy.ReadWrite.ConditionalAccess},
 * {@code Application.Read.All}).
 *
 * <p><b>Throttling.</b> Conditional Access allows about one request per second per tenant and answers 429 without a
 * {@code Retry-After} header, so the SDK's own retry handler is switched off for these requests and this class
 * retries itself: it waits the {@code Retry-After} when one is sent, else 1 s, 2 s, 4 s … (at most 30 s a wait), within
 * the backend's retry count and total wait; then it throws a {@link ThrottledException} carrying the next wait. A
 * {@code POST} is retried only after a 429 (the request was refused, so nothing was created); after a network error
 * or a 5xx it is not, because the policy may exist already and display names are not unique.
 *
 * <p><b>Reads and writes.</b> {@link #findConditionalAccessPolicy(String)} lists every policy and compares display
 * names without regard to case (a tenant holds at most a few hundred). An update sends {@code PATCH} with
 * {@code state} and/or {@code conditions.users} carrying include/exclude users and groups in full. <b>Limitation:</b>
 * the Graph documentation's update example sends a partial {@code conditions} object (merge), but whether a partial
 * {@code users} object replaces or merges is not documented; roles and guest settings in {@code conditions.users} are
 * not modelled by m365kit and are not sent. Session controls are only detected ({@code sessionControls} non-null);
 * creating a policy with session controls is refused. A 400 answer becomes {@link InvalidInputException} with the
 * service's message. Thread-safe if the client is.
 */
final class GraphConditionalAccessStore implements ConditionalAccessStore {
  private static final Logger log = LoggerFactory.getLogger(GraphConditionalAccessStore.class);
  /** The longest single wait when the service gives no Retry-After. */
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final RequestOption NO_SDK_RETRY = new RetryHandlerOption((delay, count, request, response) -> false, 0, 0);

  private final GraphServiceClient graph;
  private final int maxRetries;
  private final Duration maxTotalWait;
  private final ExchangeRestClient.Sleeper sleeper;

  GraphConditionalAccessStore(GraphServiceClient graph, int maxRetries, Duration maxTotalWait, ExchangeRestClient.Sleeper sleeper) {
    this.graph = Objects.requireNonNull(graph, "graph == null");
    this.maxRetries = maxRetries;
    this.maxTotalWait = Objects.requireNonNull(maxTotalWait, "maxTotalWait == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
  }

  @Override
  public List<ConditionalAccessPolicy> listConditionalAccessPolicies() {
    String op = "GET /identity/conditionalAccess/policies";
    ConditionalAccessPolicyCollectionResponse first = call(op, "", true,
        () -> graph.identity().conditionalAccess().policies().get(rc -> rc.options.add(NO_SDK_RETRY)));
    List<ConditionalAccessPolicy> out = new ArrayList<>();
    if (first == null) {
      return out;
    }
    GraphPaging.<com.microsoft.graph.models.ConditionalAccessPolicy, ConditionalAccessPolicyCollectionResponse>forEach(graph, first,
        ConditionalAccessPolicyCollectionResponse::createFromDiscriminatorValue, p -> out.add(fromGraph(p, op)), op);
    return out;
  }

  @Override
  public Optional<ConditionalAccessPolicy> findConditionalAccessPolicy(String displayName) {
    Objects.requireNonNull(displayName, "displayName == null");
    List<ConditionalAccessPolicy> hits = listConditionalAccessPolicies().stream()
        .filter(p -> p.displayName().equalsIgnoreCase(displayName)).toList();
    if (hits.size() > 1) {
      throw new AmbiguousMatchException("conditional access policy display name '" + displayName + "'",
          hits.stream().map(p -> p.id().orElse("?")).toList());
    }
    return hits.stream().findFirst();
  }

  @Override
  public ConditionalAccessPolicy createConditionalAccessPolicy(ConditionalAccessPolicy policy) {
    Objects.requireNonNull(policy, "policy == null");
    if (policy.sessionControls()) {
      throw new InvalidInputException("conditional access policy", policy.displayName(), "m365kit does not create session controls");
    }
    createBody(policy); // refuses what the SDK cannot express before anything is sent
    String op = "POST /identity/conditionalAccess/policies displayName=" + policy.displayName();
    com.microsoft.graph.models.ConditionalAccessPolicy created = call(op, policy.displayName(), false,
        () -> graph.identity().conditionalAccess().policies().post(createBody(policy), rc -> rc.options.add(NO_SDK_RETRY)));
    if (created == null || created.getId() == null) {
      throw new BackendException("graph", "response", op + " returned no policy id", null);
    }
    log.debug("Created conditional access policy [id={}, state={}]", created.getId(), policy.state().graphValue());
    return created.getDisplayName() == null ? policy.withId(created.getId()) : fromGraph(created, op);
  }

  @Override
  public void updateConditionalAccessPolicy(String id, ConditionalAccessPolicy.Change change) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(change, "change == null");
    if (change.isEmpty()) {
      return;
    }
    String op = "PATCH /identity/conditionalAccess/policies/" + id;
    call(op, id, true, () -> graph.identity().conditionalAccess().policies().byConditionalAccessPolicyId(id)
        .patch(patchBody(change), rc -> rc.options.add(NO_SDK_RETRY)));
    log.debug("Updated conditional access policy [id={}, state={}, users={}]", id, change.state().map(State::graphValue).orElse("-"),
        change.users().isPresent());
  }

  /**
   * A new SDK body for each attempt: the SDK's backing store marks every value as sent after serialising a model, so a
   * reused model would go out as {@code {}} on a retry.
   */
  private static com.microsoft.graph.models.ConditionalAccessPolicy createBody(ConditionalAccessPolicy policy) {
    com.microsoft.graph.models.ConditionalAccessPolicy body = new com.microsoft.graph.models.ConditionalAccessPolicy();
    body.setDisplayName(policy.displayName());
    body.setState(state(policy.state()));
    ConditionalAccessConditionSet conditions = new ConditionalAccessConditionSet();
    List<ConditionalAccessClientApp> types = new ArrayList<>();
    policy.clientAppTypes().stream().sorted().forEach(t -> types.add(ConditionalAccessClientApp.forValue(t.graphValue())));
    conditions.setClientAppTypes(types);
    ConditionalAccessApplications apps = new ConditionalAccessApplications();
    apps.setIncludeApplications(new ArrayList<>(policy.includeApplications()));
    conditions.setApplications(apps);
    conditions.setUsers(users(policy.users()));
    body.setConditions(conditions);
    policy.grantControls().ifPresent(g -> {
      ConditionalAccessGrantControls grant = new ConditionalAccessGrantControls();
      grant.setOperator(g.operator());
      List<ConditionalAccessGrantControl> controls = new ArrayList<>();
      for (String c : g.builtInControls()) {
        ConditionalAccessGrantControl control = ConditionalAccessGrantControl.forValue(c);
        if (control == null) {
          throw new InvalidInputException("built-in grant control", c, "the Graph SDK does not know it");
        }
        controls.add(control);
      }
      grant.setBuiltInControls(controls);
      body.setGrantControls(grant);
    });
    return body;
  }

  private static com.microsoft.graph.models.ConditionalAccessPolicy patchBody(ConditionalAccessPolicy.Change change) {
    com.microsoft.graph.models.ConditionalAccessPolicy patch = new com.microsoft.graph.models.ConditionalAccessPolicy();
    change.state().ifPresent(s -> patch.setState(state(s)));
    change.users().ifPresent(u -> {
      ConditionalAccessConditionSet conditions = new ConditionalAccessConditionSet();
      conditions.setUsers(users(u));
      patch.setConditions(conditions);
    });
    return patch;
  }

  private <T> T call(String op, String id, boolean idempotent, Supplier<T> request) {
    Duration waited = Duration.ZERO;
    for (int attempt = 0; ; attempt++) {
      try {
        return request.get();
      } catch (RuntimeException e) {
        M365KitException m = GraphErrors.graph(e, op, "conditional access policy", id);
        if (e instanceof ApiException api && api.getResponseStatusCode() == 400 && !(m instanceof io.github.m365kit.ServiceRuleException)) {
          throw new InvalidInputException("conditional access policy", id, m.getMessage());
        }
        if (!(m instanceof TransientException t) || (!idempotent && !(m instanceof ThrottledException))) {
          throw m;
        }
        Duration wait = t.retryAfter().orElse(backoff(attempt));
        if (attempt < maxRetries && waited.plus(wait).compareTo(maxTotalWait) <= 0) {
          log.warn("Conditional Access throttled or unavailable, retrying [op={}, attempt={}, wait={}]", op, attempt + 1, wait);
          sleep(wait, op);
          waited = waited.plus(wait);
          continue;
        }
        if (m instanceof ThrottledException && t.retryAfter().isEmpty()) {
          throw new ThrottledException(m.getMessage() + " (Conditional Access allows about 1 request per second per tenant and sent no"
              + " Retry-After; gave up after " + (attempt + 1) + " attempt(s))", wait, e);
        }
        throw m;
      }
    }
  }

  /**
   * @param attempt 0 for the first retry
   * @return 1 s, 2 s, 4 s … at most {@link #MAX_BACKOFF}
   */
  static Duration backoff(int attempt) {
    Duration d = Duration.ofSeconds(1L << Math.min(attempt, 5));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private void sleep(Duration d, String op) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException(op + " was interrupted while waiting to retry", d);
    }
  }

  private static ConditionalAccessUsers users(Users u) {
    ConditionalAccessUsers users = new ConditionalAccessUsers();
    users.setIncludeUsers(new ArrayList<>(u.includeUsers()));
    users.setExcludeUsers(new ArrayList<>(u.excludeUsers()));
    users.setIncludeGroups(new ArrayList<>(u.includeGroups()));
    users.setExcludeGroups(new ArrayList<>(u.excludeGroups()));
    return users;
  }

  private static ConditionalAccessPolicyState state(State s) {
    return switch (s) {
      case ENABLED -> ConditionalAccessPolicyState.Enabled;
      case DISABLED -> ConditionalAccessPolicyState.Disabled;
      case REPORT_ONLY -> ConditionalAccessPolicyState.EnabledForReportingButNotEnforced;
    };
  }

  private static ConditionalAccessPolicy fromGraph(com.microsoft.graph.models.ConditionalAccessPolicy p, String op) {
    if (p.getState() == null || p.getDisplayName() == null) {
      throw new BackendException("graph", "response", op + " returned a policy without state or displayName (id " + p.getId() + ")", null);
    }
    ConditionalAccessConditionSet c = p.getConditions();
    Set<ClientAppType> types = EnumSet.noneOf(ClientAppType.class);
    List<String> apps = List.of();
    Users users = new Users(List.of(), List.of(), List.of(), List.of());
    if (c != null) {
      if (c.getClientAppTypes() != null) {
        for (ConditionalAccessClientApp t : c.getClientAppTypes()) {
          if (t != null && t != ConditionalAccessClientApp.UnknownFutureValue) {
            types.add(ClientAppType.parse(t.getValue()));
          }
        }
      }
      if (c.getApplications() != null && c.getApplications().getIncludeApplications() != null) {
        apps = c.getApplications().getIncludeApplications();
      }
      ConditionalAccessUsers u = c.getUsers();
      if (u != null) {
        users = new Users(orEmpty(u.getIncludeUsers()), orEmpty(u.getExcludeUsers()), orEmpty(u.getIncludeGroups()), orEmpty(u.getExcludeGroups()));
      }
    }
    Optional<GrantControls> grant = Optional.empty();
    ConditionalAccessGrantControls g = p.getGrantControls();
    if (g != null && g.getOperator() != null) {
      List<String> controls = new ArrayList<>();
      if (g.getBuiltInControls() != null) {
        g.getBuiltInControls().stream().filter(Objects::nonNull).forEach(x -> controls.add(x.getValue()));
      }
      grant = Optional.of(new GrantControls(g.getOperator(), controls));
    }
    return new ConditionalAccessPolicy(Optional.ofNullable(p.getId()), p.getDisplayName(), State.parse(p.getState().getValue()), types, apps,
        users, grant, p.getSessionControls() != null);
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }
}
