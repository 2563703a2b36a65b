package io.github.m365kit.graph;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestInformation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.ImmutableCloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxPurpose;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.model.UserType;
import io.github.m365kit.spi.CloudDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CloudDirectory} on the Microsoft Graph v1.0 {@code /users} endpoints, through the Graph Java SDK v6.
 *
 * <p>Users are read with a {@code $select} of the on-premises properties and {@code assignedLicenses} (they come
 * back only when selected) and listed 999 per page. A user is addressed by UPN ({@code /users/{upn}}), which Graph
 * accepts in place of the object id. Licenses are resolved by SKU id with {@link LicenseCatalog}. Thread-safe if
 * the client is.
 */
final class GraphCloudDirectory implements CloudDirectory {
  private static final Logger log = LoggerFactory.getLogger(GraphCloudDirectory.class);

  /** The properties m365kit reads; the onPremises* ones are returned only on $select. */
  static final String[] SELECT = {
    "id", "userPrincipalName", "displayName", "mail", "accountEnabled", "userType",
    "onPremisesSyncEnabled", "onPremisesDistinguishedName", "onPremisesImmutableId", "onPremisesSamAccountName",
    "assignedLicenses", "department", "jobTitle", "country", "usageLocation", "signInSessionsValidFromDateTime"
  };

  private final GraphServiceClient graph;
  private final LicenseCatalog licenses;

  GraphCloudDirectory(GraphServiceClient graph, LicenseCatalog licenses) {
    this.graph = Objects.requireNonNull(graph, "graph == null");
    this.licenses = Objects.requireNonNull(licenses, "licenses == null");
  }

  @Override
  public Optional<CloudUser> findUser(Upn upn) {
    Objects.requireNonNull(upn, "upn == null");
    String op = "GET /users/" + upn;
    try {
      User u = graph.users().byUserId(upn.value()).get(rc -> rc.queryParameters.select = SELECT);
      return Optional.ofNullable(u).map(this::toCloudUser);
    } catch (ApiException e) {
      if (e.getResponseStatusCode() == 404) {
        return Optional.empty();
      }
      throw GraphErrors.graph(e, op, "user", upn.value());
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "user", upn.value());
    }
  }

  @Override
  public void forEachUser(Consumer<CloudUser> visitor) {
    Objects.requireNonNull(visitor, "visitor == null");
    String op = "GET /users";
    UserCollectionResponse first;
    try {
      first = graph.users().get(rc -> {
        rc.queryParameters.select = SELECT;
        rc.queryParameters.top = 999;
      });
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "users", "*");
    }
    if (first == null) {
      return;
    }
    GraphPaging.<User, UserCollectionResponse>forEach(graph, first, UserCollectionResponse::createFromDiscriminatorValue, u -> {
      CloudUser user;
      try {
        user = toCloudUser(u);
      } catch (InvalidInputException e) {
        log.warn("Skipped a user m365kit cannot represent [id={}, reason={}]", u.getId(), e.getMessage());
        return;
      }
      visitor.accept(user);
    }, op);
  }

  @Override
  public void assignLicense(Upn upn, License license) {
    Objects.requireNonNull(upn, "upn == null");
    Objects.requireNonNull(license, "license == null");
    AssignedLicense add = new AssignedLicense();
    add.setSkuId(license.skuId());
    add.setDisabledPlans(List.of());
    AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
    body.setAddLicenses(List.of(add));
    body.setRemoveLicenses(List.of());
    postAssignLicense(upn, body);
    log.debug("Assigned license [user={}, sku={}]", upn, license.skuId());
  }

  @Override
  public void removeLicenses(Upn upn, Set<UUID> skuIds) {
    Objects.requireNonNull(upn, "upn == null");
    Objects.requireNonNull(skuIds, "skuIds == null");
    if (skuIds.isEmpty()) {
      return;
    }
    AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
    body.setAddLicenses(List.of());
    body.setRemoveLicenses(new ArrayList<>(skuIds));
    postAssignLicense(upn, body);
    log.debug("Removed licenses [user={}, skus={}]", upn, skuIds);
  }

  private void postAssignLicense(Upn upn, AssignLicensePostRequestBody body) {
    try {
      graph.users().byUserId(upn.value()).assignLicense().post(body);
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, "POST /users/" + upn + "/assignLicense", "user", upn.value());
    }
  }

  @Override
  public void setAccountEnabled(Upn upn, boolean enabled) {
    Objects.requireNonNull(upn, "upn == null");
    User patch = new User();
    patch.setAccountEnabled(enabled);
    try {
      graph.users().byUserId(upn.value()).patch(patch);
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, "PATCH /users/" + upn + " accountEnabled=" + enabled, "user", upn.value());
    }
    log.debug("Set accountEnabled [user={}, enabled={}]", upn, enabled);
  }

  @Override
  public void revokeSignInSessions(Upn upn) {
    Objects.requireNonNull(upn, "upn == null");
    try {
      // Any 2xx is success: the docs note the service may answer with another 2xx than 200.
      graph.users().byUserId(upn.value()).revokeSignInSessions().post();
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, "POST /users/" + upn + "/revokeSignInSessions", "user", upn.value());
    }
    log.debug("Revoked sign-in sessions [user={}]", upn);
  }

  /**
   * {@code GET /users/{upn}/mailboxSettings?$select=userPurpose}. The body is read as JSON here rather than through
   * the SDK's {@code UserPurpose} enum, which turns a value it does not know into null; an unknown value is kept.
   * A 404 (no such user, or a user without an Exchange Online mailbox) is empty.
   */
  @Override
  public Optional<MailboxPurpose> mailboxPurpose(Upn upn) {
    Objects.requireNonNull(upn, "upn == null");
    String op = "GET /users/" + upn + "/mailboxSettings?$select=userPurpose";
    RequestInformation info = graph.users().byUserId(upn.value()).mailboxSettings()
        .toGetRequestInformation(rc -> rc.queryParameters.select = new String[] {"userPurpose"});
    JsonElement purpose;
    try (InputStream in = graph.getRequestAdapter().sendPrimitive(info, GraphReports.errorMappings(), InputStream.class)) {
      if (in == null) {
        return Optional.empty();
      }
      JsonElement root = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      purpose = root.isJsonObject() ? GraphErrors.member(root.getAsJsonObject(), "userPurpose") : null;
    } catch (ApiException e) {
      if (e.getResponseStatusCode() == 404) {
        return Optional.empty();
      }
      throw GraphErrors.graph(e, op, "mailbox", upn.value());
    } catch (IOException e) {
      throw GraphErrors.graph(new UncheckedIOException(e), op, "mailbox", upn.value());
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "mailbox", upn.value());
    }
    if (purpose == null || !purpose.isJsonPrimitive() || purpose.getAsString().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(MailboxPurpose.of(purpose.getAsString()));
  }

  CloudUser toCloudUser(User u) {
    ImmutableCloudUser.Builder b = CloudUser.builder()
        .id(ObjectId.of(u.getId()))
        .userPrincipalName(Upn.of(u.getUserPrincipalName()));
    if (u.getDisplayName() != null) {
      b.displayName(u.getDisplayName());
    }
    if (u.getMail() != null) {
      try {
        b.mail(SmtpAddress.of(u.getMail()));
      } catch (InvalidInputException e) {
        log.debug("Ignored an unusable mail value [user={}, reason={}]", u.getUserPrincipalName(), e.getMessage());
      }
    }
    if (u.getAccountEnabled() != null) {
      b.accountEnabled(u.getAccountEnabled());
    }
    b.onPremisesSyncEnabled(Boolean.TRUE.equals(u.getOnPremisesSyncEnabled()));
    b.onPremisesDistinguishedName(Optional.ofNullable(u.getOnPremisesDistinguishedName()));
    b.userType("Guest".equalsIgnoreCase(u.getUserType()) ? UserType.GUEST : UserType.MEMBER);
    if (u.getAssignedLicenses() != null) {
      for (AssignedLicense al : u.getAssignedLicenses()) {
        if (al.getSkuId() != null) {
          b.addLicenses(licenses.resolve(al.getSkuId()));
        }
      }
    }
    b.department(Optional.ofNullable(u.getDepartment()));
    b.jobTitle(Optional.ofNullable(u.getJobTitle()));
    b.country(Optional.ofNullable(u.getCountry()));
    b.usageLocation(Optional.ofNullable(u.getUsageLocation()));
    if (u.getOnPremisesImmutableId() != null) {
      b.putOtherProperties("onPremisesImmutableId", u.getOnPremisesImmutableId());
    }
    if (u.getOnPremisesSamAccountName() != null) {
      b.putOtherProperties("onPremisesSamAccountName", u.getOnPremisesSamAccountName());
    }
    if (u.getSignInSessionsValidFromDateTime() != null) {
      b.signInSessionsValidFrom(u.getSignInSessionsValidFromDateTime().toInstant());
    }
    return b.build();
  }
}
