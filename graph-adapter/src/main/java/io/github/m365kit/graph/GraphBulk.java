package io.github.m365kit.graph;

import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.serialization.ParseNodeFactoryRegistry;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Upn;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bulk user operations over Graph JSON batching ({@code POST /v1.0/$batch}, 20 requests a batch): one HTTP round
 * trip per 20 users instead of one per user.
 *
 * <pre>{@code
 * Map<Upn, BulkOutcome<Void>> revoked = cloud.bulk().revokeSignInSessions(leavers);
 * revoked.forEach((upn, o) -> o.error().ifPresent(e -> System.out.println(upn + ": " + e.getMessage())));
 * }</pre>
 *
 * <p>Each user gets its own {@link BulkOutcome}; one user failing (404, 403, a service rule) never fails the others.
 * Requests throttled inside a batch (inner 429/503/504) are retried alone after the largest {@code Retry-After};
 * when the retry budget of the backend is spent they end as {@link io.github.m365kit.ThrottledException} carrying
 * the wait, so the caller can schedule the rest. Duplicate UPNs are sent once. Thread-safe.
 */
public final class GraphBulk {
  private final GraphServiceClient graph;
  private final GraphBatch batch;
  private final GraphCloudDirectory directory;

  GraphBulk(GraphServiceClient graph, GraphBatch batch, GraphCloudDirectory directory) {
    this.graph = Objects.requireNonNull(graph, "graph == null");
    this.batch = Objects.requireNonNull(batch, "batch == null");
    this.directory = Objects.requireNonNull(directory, "directory == null");
  }

  /**
   * Revokes the sign-in sessions and refresh tokens of many users ({@code POST /users/{upn}/revokeSignInSessions}
   * for each). Any 2xx counts as success (the service is documented to answer with other codes than 200 at times).
   * Revocation can take a few minutes to reach every service; guests are not revoked.
   *
   * @param users the users
   * @return one outcome per distinct user, in the order given
   */
  public Map<Upn, BulkOutcome<Void>> revokeSignInSessions(Collection<Upn> users) {
    List<Upn> list = distinct(users);
    List<GraphBatch.Step<Void>> steps = new ArrayList<>();
    for (Upn upn : list) {
      steps.add(new GraphBatch.Step<>(graph.users().byUserId(upn.value()).revokeSignInSessions().toPostRequestInformation(),
          "POST /users/" + upn + "/revokeSignInSessions", "user", upn.value(), (status, body) -> null));
    }
    return zip(list, batch.run(steps));
  }

  /**
   * Enables or disables the accounts of many users ({@code PATCH /users/{upn}} with {@code accountEnabled}). Synced
   * users fail with {@link io.github.m365kit.ServiceRuleException} (on-premises mastered); change them in AD.
   *
   * @param users the users
   * @param enabled the new value
   * @return one outcome per distinct user, in the order given
   */
  public Map<Upn, BulkOutcome<Void>> setAccountEnabled(Collection<Upn> users, boolean enabled) {
    List<Upn> list = distinct(users);
    List<GraphBatch.Step<Void>> steps = new ArrayList<>();
    for (Upn upn : list) {
      User patch = new User();
      patch.setAccountEnabled(enabled);
      steps.add(new GraphBatch.Step<>(graph.users().byUserId(upn.value()).toPatchRequestInformation(patch),
          "PATCH /users/" + upn + " accountEnabled=" + enabled, "user", upn.value(), (status, body) -> null));
    }
    return zip(list, batch.run(steps));
  }

  /**
   * Reads many users by UPN ({@code GET /users/{upn}} with the same {@code $select} as
   * {@link GraphBackend#cloudDirectory()}). A user that does not exist ends as
   * {@link io.github.m365kit.NotFoundException}.
   *
   * @param users the users
   * @return one outcome per distinct user, in the order given
   */
  public Map<Upn, BulkOutcome<CloudUser>> findUsers(Collection<Upn> users) {
    List<Upn> list = distinct(users);
    List<GraphBatch.Step<CloudUser>> steps = new ArrayList<>();
    for (Upn upn : list) {
      steps.add(new GraphBatch.Step<>(
          graph.users().byUserId(upn.value()).toGetRequestInformation(rc -> rc.queryParameters.select = GraphCloudDirectory.SELECT),
          "GET /users/" + upn, "user", upn.value(), (status, body) -> directory.toCloudUser(parseUser(body))));
    }
    return zip(list, batch.run(steps));
  }

  private static User parseUser(byte[] body) {
    return ParseNodeFactoryRegistry.defaultInstance.getParseNode("application/json", new ByteArrayInputStream(body))
        .getObjectValue(User::createFromDiscriminatorValue);
  }

  private static List<Upn> distinct(Collection<Upn> users) {
    Objects.requireNonNull(users, "users == null");
    LinkedHashSet<Upn> set = new LinkedHashSet<>();
    for (Upn u : users) {
      set.add(Objects.requireNonNull(u, "users contains null"));
    }
    return new ArrayList<>(set);
  }

  private static <T> Map<Upn, BulkOutcome<T>> zip(List<Upn> users, List<BulkOutcome<T>> outcomes) {
    Map<Upn, BulkOutcome<T>> out = new LinkedHashMap<>();
    for (int i = 0; i < users.size(); i++) {
      out.put(users.get(i), outcomes.get(i));
    }
    return java.util.Collections.unmodifiableMap(out);
  }
}
