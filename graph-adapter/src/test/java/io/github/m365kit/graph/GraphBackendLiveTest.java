package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import io.github.m365kit.model.Upn;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read-only checks against a real tenant. Runs only with {@code mvn -Plive -pl graph-adapter test} and the
 * environment variables AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (the run fails without them, on
 * purpose). Also M365KIT_LIVE_UPN: a user with a mailbox, to read.
 */
class GraphBackendLiveTest {
  private static GraphBackend backend;

  @BeforeAll
  static void connect() {
    String tenant = required("AZURE_TENANT_ID");
    backend = GraphBackend.create(GraphCredentials.clientSecret(tenant, required("AZURE_CLIENT_ID"), required("AZURE_CLIENT_SECRET")), tenant);
  }

  @AfterAll
  static void close() {
    if (backend != null) {
      backend.close();
    }
  }

  private static String required(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("set " + name + " for the live tests");
    }
    return v;
  }

  @Test
  void forEachUser_readsAtLeastOneUser() {
    AtomicInteger n = new AtomicInteger();
    backend.cloudDirectory().forEachUser(u -> n.incrementAndGet());
    assertThat(n.get()).isPositive();
  }

  @Test
  void signInLog_readsTheLastDay() {
    AtomicInteger n = new AtomicInteger();
    backend.signInLog().forEachSignIn(Instant.now().minus(1, ChronoUnit.DAYS), true, e -> n.incrementAndGet());
    assertThat(n.get()).isNotNegative();
  }

  @Test
  void exchange_readsPoliciesAndOrgDefault() {
    assertAll(
        () -> assertThat(backend.authPolicies().list()).isNotNull(),
        () -> assertThat(backend.authPolicies().orgDefault()).isNotNull());
  }

  @Test
  void exchange_readsTheNamedUsersMailbox() {
    String upn = required("M365KIT_LIVE_UPN");
    assertThat(backend.mailboxes().findByUpn(Upn.of(upn))).isPresent();
  }
}
