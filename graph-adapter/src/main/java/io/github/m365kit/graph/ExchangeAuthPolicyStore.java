package io.github.m365kit.graph;

import com.google.gson.JsonObject;
import io.github.m365kit.ConflictException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.auth.ImmutableAuthPolicy;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.AuthPolicyStore;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AuthPolicyStore} on the Exchange admin REST {@code InvokeCommand} endpoint: {@code New-/Set-/Get-/Remove-
 * AuthenticationPolicy}, {@code Get-/Set-User} and {@code Get-/Set-OrganizationConfig}.
 *
 * <p><b>Only {@code Get-AuthenticationPolicy} is known to work through this endpoint; every write here is
 * UNCONFIRMED</b> (see {@link ExchangeRestClient}). {@link #create} and {@link #update} send all twelve
 * {@code AllowBasicAuth*} switches explicitly. {@link #delete} first checks holders and the org default and throws
 * {@link ConflictException}, as the in-memory tenant does. {@link #usersWith} checks the policy exists, then pages through
 * {@code Get-User} and filters on the client, since a server-side filter on AuthenticationPolicy needs the policy's distinguished name.
 * Needs Exchange.ManageAsApp plus the Exchange Administrator role. Thread-safe.
 */
final class ExchangeAuthPolicyStore implements AuthPolicyStore {
  private static final Logger log = LoggerFactory.getLogger(ExchangeAuthPolicyStore.class);
  private static final String KIND = "authentication policy";

  private final ExchangeRestClient exo;

  ExchangeAuthPolicyStore(ExchangeRestClient exo) {
    this.exo = Objects.requireNonNull(exo, "exo == null");
  }

  @Override
  public void create(AuthPolicy policy) {
    Objects.requireNonNull(policy, "policy == null");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Name", policy.name());
    switches(policy, p);
    exo.invoke("New-AuthenticationPolicy", p, exo.systemAnchor(), KIND, policy.name());
    log.debug("Created authentication policy [name={}, allowed={}]", policy.name(), policy.allowBasicAuth());
  }

  @Override
  public Optional<AuthPolicy> find(String name) {
    AuthPolicy.validateName(name);
    try {
      return exo.invoke("Get-AuthenticationPolicy", Map.of("Identity", name), exo.systemAnchor(), KIND, name)
          .stream().findFirst().map(ExchangeAuthPolicyStore::toPolicy);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<AuthPolicy> list() {
    List<AuthPolicy> all = new ArrayList<>();
    exo.invoke("Get-AuthenticationPolicy", Map.of(), exo.systemAnchor(), KIND, "*", o -> all.add(toPolicy(o)));
    return List.copyOf(all);
  }

  @Override
  public void update(AuthPolicy policy) {
    Objects.requireNonNull(policy, "policy == null");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Identity", policy.name());
    switches(policy, p);
    exo.invoke("Set-AuthenticationPolicy", p, exo.systemAnchor(), KIND, policy.name());
    log.debug("Updated authentication policy [name={}, allowed={}]", policy.name(), policy.allowBasicAuth());
  }

  @Override
  public void delete(String name) {
    AuthPolicy.validateName(name);
    if (find(name).isEmpty()) {
      throw new NotFoundException(KIND, name, "The operation couldn't be performed because object '" + name + "' couldn't be found.");
    }
    if (orgDefault().filter(name::equalsIgnoreCase).isPresent()) {
      throw new ConflictException("The authentication policy '" + name + "' is the organization's default and can't be removed. "
          + "Set another default (or none) first.");
    }
    List<Upn> holders = holders(name);
    if (!holders.isEmpty()) {
      throw new ConflictException("The authentication policy '" + name + "' is assigned to " + holders.size() + " user(s) ("
          + holders.subList(0, Math.min(5, holders.size())) + (holders.size() > 5 ? ", …" : "") + "); unassign it first.");
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Identity", name);
    p.put("Confirm", false);
    exo.invoke("Remove-AuthenticationPolicy", p, exo.systemAnchor(), KIND, name);
    log.debug("Removed authentication policy [name={}]", name);
  }

  @Override
  public void assign(Upn user, Optional<String> policyName) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(policyName, "policyName == null");
    policyName.ifPresent(AuthPolicy::validateName);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Identity", user.value());
    p.put("AuthenticationPolicy", policyName.orElse(null));
    exo.invoke("Set-User", p, ExchangeRestClient.userAnchor(user.value()), "user", user.value());
    log.debug("Assigned authentication policy [user={}, policy={}]", user, policyName.orElse("$null"));
  }

  @Override
  public Optional<String> assigned(Upn user) {
    Objects.requireNonNull(user, "user == null");
    List<JsonObject> found = exo.invoke("Get-User", Map.of("Identity", user.value()),
        ExchangeRestClient.userAnchor(user.value()), "user", user.value());
    if (found.isEmpty()) {
      throw new NotFoundException("user", user.value());
    }
    return nonEmpty(ExchangeMailboxStore.string(found.get(0), "AuthenticationPolicy"));
  }

  @Override
  public List<Upn> usersWith(String policyName) {
    if (find(policyName).isEmpty()) {
      throw new NotFoundException(KIND, policyName, "The operation couldn't be performed because object '" + policyName + "' couldn't be found.");
    }
    return holders(policyName);
  }

  private List<Upn> holders(String policyName) {
    List<Upn> holders = new ArrayList<>();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("ResultSize", "Unlimited");
    exo.invoke("Get-User", p, exo.systemAnchor(), "users", "*", o -> {
      String held = ExchangeMailboxStore.string(o, "AuthenticationPolicy");
      String upn = ExchangeMailboxStore.string(o, "UserPrincipalName");
      if (held.equalsIgnoreCase(policyName) && !upn.isEmpty()) {
        holders.add(Upn.of(upn));
      }
    });
    return List.copyOf(holders);
  }

  @Override
  public void refreshTokens(Upn user, Instant validFrom) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(validFrom, "validFrom == null");
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Identity", user.value());
    p.put("STSRefreshTokensValidFrom", DateTimeFormatter.ISO_INSTANT.format(validFrom));
    exo.invoke("Set-User", p, ExchangeRestClient.userAnchor(user.value()), "user", user.value());
    log.debug("Set STSRefreshTokensValidFrom [user={}, validFrom={}]", user, validFrom);
  }

  @Override
  public Optional<String> orgDefault() {
    List<JsonObject> found = exo.invoke("Get-OrganizationConfig", Map.of(), exo.systemAnchor(), "organization config", "*");
    return found.isEmpty() ? Optional.empty() : nonEmpty(ExchangeMailboxStore.string(found.get(0), "DefaultAuthenticationPolicy"));
  }

  @Override
  public void setOrgDefault(Optional<String> policyName) {
    Objects.requireNonNull(policyName, "policyName == null");
    policyName.ifPresent(AuthPolicy::validateName);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("DefaultAuthenticationPolicy", policyName.orElse(null));
    exo.invoke("Set-OrganizationConfig", p, exo.systemAnchor(), KIND, policyName.orElse("$null"));
    log.debug("Set the org default authentication policy [policy={}]", policyName.orElse("$null"));
  }

  private static void switches(AuthPolicy policy, Map<String, Object> p) {
    for (BasicAuthProtocol protocol : BasicAuthProtocol.values()) {
      p.put(protocol.parameter(), policy.allows(protocol));
    }
  }

  static AuthPolicy toPolicy(JsonObject o) {
    ImmutableAuthPolicy.Builder b = AuthPolicy.builder().name(ExchangeMailboxStore.string(o, "Name"));
    for (BasicAuthProtocol protocol : BasicAuthProtocol.values()) {
      if (ExchangeMailboxStore.bool(o, protocol.parameter())) {
        b.addAllowBasicAuth(protocol);
      }
    }
    return b.build();
  }

  private static Optional<String> nonEmpty(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }
}
