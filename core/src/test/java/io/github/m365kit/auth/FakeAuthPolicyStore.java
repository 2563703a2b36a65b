package io.github.m365kit.auth;

import io.github.m365kit.ConflictException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.memory.Faults;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.AuthPolicyStore;
import io.github.m365kit.spi.CloudDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A test-only fake of the policy store and the cloud directory, with {@link Faults} raised before each call changes
 * anything, and counts of applied changes per user so tests can prove "exactly once".
 */
final class FakeAuthPolicyStore implements AuthPolicyStore, CloudDirectory {
  final Faults faults = new Faults();
  private final Map<String, AuthPolicy> policies = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<Upn, String> assignments = new ConcurrentHashMap<>();
  private final Map<Upn, Instant> refreshed = new ConcurrentHashMap<>();
  private final Map<Upn, AtomicInteger> applied = new ConcurrentHashMap<>();
  private final Map<Upn, AtomicInteger> revoked = new ConcurrentHashMap<>();
  private final List<CloudUser> users = new ArrayList<>();
  private volatile Optional<String> orgDefault = Optional.empty();
  /** When set, called before each assign; a test throws from it to simulate a killed process. */
  volatile Consumer<Upn> beforeAssign = u -> {};
  /** When set, called before each token refresh; a test throws from it to simulate a killed process. */
  volatile Consumer<Upn> beforeRefresh = u -> {};

  void addUsers(int n) {
    for (int i = 0; i < n; i++) {
      addUser("user" + i + "@contoso.com");
    }
  }

  void addUser(String upn) {
    users.add(CloudUser.builder().id(ObjectId.of(UUID.nameUUIDFromBytes(upn.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()))
        .userPrincipalName(Upn.of(upn)).build());
  }

  int appliedCount(Upn u) {
    AtomicInteger c = applied.get(u);
    return c == null ? 0 : c.get();
  }

  int revokedCount(Upn u) {
    AtomicInteger c = revoked.get(u);
    return c == null ? 0 : c.get();
  }

  Optional<Instant> refreshedAt(Upn u) {
    return Optional.ofNullable(refreshed.get(u));
  }

  @Override
  public synchronized void create(AuthPolicy policy) {
    faults.before("create");
    if (policies.containsKey(policy.name())) {
      throw new ConflictException("authentication policy '" + policy.name() + "' already exists");
    }
    policies.put(policy.name(), policy);
  }

  @Override
  public synchronized Optional<AuthPolicy> find(String name) {
    faults.before("find");
    return Optional.ofNullable(policies.get(name));
  }

  @Override
  public synchronized List<AuthPolicy> list() {
    faults.before("list");
    return List.copyOf(policies.values());
  }

  @Override
  public synchronized void update(AuthPolicy policy) {
    faults.before("update");
    if (!policies.containsKey(policy.name())) {
      throw new NotFoundException("authentication policy", policy.name());
    }
    policies.put(policy.name(), policy);
  }

  @Override
  public synchronized void delete(String name) {
    faults.before("delete");
    List<Upn> holders = usersWith(name);
    if (!holders.isEmpty() || orgDefault.map(name::equalsIgnoreCase).orElse(false)) {
      throw new ConflictException("authentication policy '" + name + "' is still in use by " + holders
          + (orgDefault.map(name::equalsIgnoreCase).orElse(false) ? " and the organisation default" : ""));
    }
    if (policies.remove(name) == null) {
      throw new NotFoundException("authentication policy", name);
    }
  }

  @Override
  public void assign(Upn user, Optional<String> policyName) {
    beforeAssign.accept(user);
    faults.before("assign");
    if (policyName.isPresent()) {
      synchronized (this) {
        if (!policies.containsKey(policyName.get())) {
          throw new NotFoundException("authentication policy", policyName.get());
        }
      }
      assignments.put(user, policyName.get());
      applied.computeIfAbsent(user, k -> new AtomicInteger()).incrementAndGet();
    } else {
      assignments.remove(user);
    }
  }

  @Override
  public Optional<String> assigned(Upn user) {
    faults.before("assigned");
    return Optional.ofNullable(assignments.get(user));
  }

  @Override
  public List<Upn> usersWith(String policyName) {
    List<Upn> out = new ArrayList<>();
    assignments.forEach((u, p) -> {
      if (p.equalsIgnoreCase(policyName)) {
        out.add(u);
      }
    });
    out.sort((a, b) -> a.value().toLowerCase(Locale.ROOT).compareTo(b.value().toLowerCase(Locale.ROOT)));
    return out;
  }

  @Override
  public void refreshTokens(Upn user, Instant validFrom) {
    beforeRefresh.accept(user);
    faults.before("refreshTokens");
    refreshed.put(user, validFrom);
  }

  @Override
  public Optional<String> orgDefault() {
    return orgDefault;
  }

  @Override
  public void setOrgDefault(Optional<String> policyName) {
    faults.before("setOrgDefault");
    orgDefault = policyName;
  }

  @Override
  public Optional<CloudUser> findUser(Upn upn) {
    return users.stream().filter(u -> u.userPrincipalName().equals(upn)).findFirst();
  }

  @Override
  public void forEachUser(Consumer<CloudUser> visitor) {
    users.forEach(visitor);
  }

  @Override
  public void assignLicense(Upn upn, License license) {
    throw new UnsupportedOperationException("not needed by these tests");
  }

  @Override
  public void removeLicenses(Upn upn, Set<UUID> skuIds) {
    throw new UnsupportedOperationException("not needed by these tests");
  }

  @Override
  public void setAccountEnabled(Upn upn, boolean enabled) {
    throw new UnsupportedOperationException("not needed by these tests");
  }

  @Override
  public void revokeSignInSessions(Upn upn) {
    faults.before("revokeSignInSessions");
    revoked.computeIfAbsent(upn, k -> new AtomicInteger()).incrementAndGet();
  }
}
