package io.github.m365kit.graph;

import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.github.m365kit.BackendException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.GroupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GroupStore} on the Microsoft Graph v1.0 {@code /groups} endpoints, through the Graph Java SDK v6.
 *
 * <p>A Microsoft 365 dynamic group is created with {@code groupTypes ["Unified","DynamicMembership"]},
 * {@code mailEnabled true} and {@code securityEnabled false}; a security dynamic group with
 * {@code ["DynamicMembership"]}, {@code mailEnabled false} and {@code securityEnabled true}; both with
 * {@code membershipRuleProcessingState "On"}. Members are read with the typed cast
 * {@code /groups/{id}/members/graph.user} (users only), 999 per page, following {@code @odata.nextLink}.
 *
 * <p><b>Limitation:</b> the port creates groups without owners. When an application (app-only token) creates a
 * Microsoft 365 group without owners, Entra makes it an "anonymous" group that cannot be modified later, and its
 * SharePoint site may not be provisioned (api-facts §1.2; the service accepts {@code owners@odata.bind} at creation).
 * Create Microsoft 365 groups with a delegated token, or add owners right after creation by other means, if the
 * group must stay editable. Security groups are not affected. Rules are expected to be validated by m365kit's parser
 * before they get here; the service's own refusal (400) surfaces as a {@link io.github.m365kit.BackendException}.
 * Thread-safe if the client is.
 */
final class GraphGroupStore implements GroupStore {
  private static final Logger log = LoggerFactory.getLogger(GraphGroupStore.class);

  /** The properties m365kit reads from a group. */
  static final String[] SELECT = {
    "id", "displayName", "mailNickname", "groupTypes", "membershipRule", "membershipRuleProcessingState"
  };
  /** The properties m365kit reads from a member. */
  static final String[] MEMBER_SELECT = {"id", "userPrincipalName"};

  static final String UNIFIED = "Unified";
  static final String DYNAMIC = "DynamicMembership";
  static final String ON = "On";
  static final String PAUSED = "Paused";

  private final GraphServiceClient graph;

  GraphGroupStore(GraphServiceClient graph) {
    this.graph = Objects.requireNonNull(graph, "graph == null");
  }

  @Override
  public ObjectId createDynamicGroup(DynamicGroup group) {
    Objects.requireNonNull(group, "group == null");
    Group body = new Group();
    body.setDisplayName(group.displayName());
    body.setMailNickname(group.mailNickname());
    body.setMailEnabled(group.microsoft365());
    body.setSecurityEnabled(!group.microsoft365());
    body.setGroupTypes(group.microsoft365() ? new ArrayList<>(List.of(UNIFIED, DYNAMIC)) : new ArrayList<>(List.of(DYNAMIC)));
    body.setMembershipRule(group.membershipRule());
    body.setMembershipRuleProcessingState(ON);
    String op = "POST /groups mailNickname=" + group.mailNickname();
    Group created;
    try {
      created = graph.groups().post(body);
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "group", group.mailNickname());
    }
    if (created == null || created.getId() == null) {
      throw new BackendException("graph", "response", op + " returned no group id", null);
    }
    ObjectId id = ObjectId.of(created.getId());
    log.debug("Created dynamic group [id={}, mailNickname={}, microsoft365={}]", id, group.mailNickname(), group.microsoft365());
    return id;
  }

  @Override
  public Optional<DynamicGroup> find(ObjectId id) {
    Objects.requireNonNull(id, "id == null");
    String op = "GET /groups/" + id;
    Group g;
    try {
      g = graph.groups().byGroupId(id.toString()).get(rc -> rc.queryParameters.select = SELECT);
    } catch (ApiException e) {
      if (e.getResponseStatusCode() == 404) {
        return Optional.empty();
      }
      throw GraphErrors.graph(e, op, "group", id.toString());
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "group", id.toString());
    }
    return g == null ? Optional.empty() : Optional.of(dynamic(g, id.toString()));
  }

  /** The port's view of a group read with {@link #SELECT}; refuses a group whose membership is not dynamic. */
  private static DynamicGroup dynamic(Group g, String named) {
    List<String> types = g.getGroupTypes() == null ? List.of() : g.getGroupTypes();
    if (!types.contains(DYNAMIC) || g.getMembershipRule() == null) {
      throw new InvalidInputException("group", named, "it is not a dynamic group (groupTypes " + types + ")");
    }
    return new DynamicGroup(Optional.of(ObjectId.of(g.getId() == null ? named : g.getId())),
        g.getDisplayName(), g.getMailNickname(), types.contains(UNIFIED), g.getMembershipRule(),
        PAUSED.equalsIgnoreCase(g.getMembershipRuleProcessingState()));
  }

  @Override
  public Optional<DynamicGroup> findByMailNickname(String mailNickname) {
    Objects.requireNonNull(mailNickname, "mailNickname == null");
    // OData string literal: a quote is written twice
    String filter = "mailNickname eq '" + mailNickname.replace("'", "''") + "'";
    String op = "GET /groups?$filter=" + filter;
    List<Group> found;
    try {
      GroupCollectionResponse page = graph.groups().get(rc -> {
        rc.queryParameters.filter = filter;
        rc.queryParameters.select = SELECT;
        rc.queryParameters.top = 2;
      });
      found = page == null || page.getValue() == null ? List.of() : page.getValue();
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "group", mailNickname);
    }
    if (found.size() > 1) {
      throw new io.github.m365kit.ConflictException("several groups have the mail nickname " + mailNickname + "; name the group by its object id");
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(dynamic(found.get(0), mailNickname));
  }

  @Override
  public void updateRule(ObjectId id, String rule) {
    Objects.requireNonNull(id, "id == null");
    if (rule == null || rule.isBlank()) {
      throw new InvalidInputException("membership rule", rule, "it is empty");
    }
    Group patch = new Group();
    patch.setMembershipRule(rule);
    patch(id, patch, "PATCH /groups/" + id + " membershipRule");
    log.debug("Updated membership rule [group={}]", id);
  }

  @Override
  public void setProcessingPaused(ObjectId id, boolean paused) {
    Objects.requireNonNull(id, "id == null");
    String state = paused ? PAUSED : ON;
    Group patch = new Group();
    patch.setMembershipRuleProcessingState(state);
    patch(id, patch, "PATCH /groups/" + id + " membershipRuleProcessingState=" + state);
    log.debug("Set membership rule processing [group={}, state={}]", id, state);
  }

  private void patch(ObjectId id, Group patch, String op) {
    try {
      graph.groups().byGroupId(id.toString()).patch(patch);
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "group", id.toString());
    }
  }

  @Override
  public List<Upn> members(ObjectId id) {
    Objects.requireNonNull(id, "id == null");
    String op = "GET /groups/" + id + "/members/graph.user";
    UserCollectionResponse first;
    try {
      first = graph.groups().byGroupId(id.toString()).members().graphUser().get(rc -> {
        rc.queryParameters.select = MEMBER_SELECT;
        rc.queryParameters.top = 999;
      });
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "group", id.toString());
    }
    List<Upn> out = new ArrayList<>();
    if (first == null) {
      return out;
    }
    GraphPaging.<User, UserCollectionResponse>forEach(graph, first, UserCollectionResponse::createFromDiscriminatorValue, u -> {
      if (u.getUserPrincipalName() != null) {
        out.add(Upn.of(u.getUserPrincipalName()));
      }
    }, op);
    return out;
  }
}
