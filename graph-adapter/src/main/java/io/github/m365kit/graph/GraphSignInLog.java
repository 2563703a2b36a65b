package io.github.m365kit.graph;

import com.microsoft.graph.models.SignIn;
import com.microsoft.graph.models.SignInCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.github.m365kit.auth.ClientApp;
import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.spi.SignInLog;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link SignInLog} on {@code GET /v1.0/auditLogs/signIns}, 1,000 per page (the maximum), streamed page by page.
 *
 * <p>The service returns sign-ins newest first; this class does not reorder (that would need the whole window in
 * memory). With {@code legacyOnly} the filter adds {@code clientAppUsed eq '…'} for every legacy client m365kit knows
 * (the documented operator is {@code eq}), and each event is checked again on arrival. A legacy client value
 * m365kit does not know is therefore not returned by this backend. Needs AuditLog.Read.All and Directory.Read.All,
 * and an Entra ID P1/P2 tenant.
 */
final class GraphSignInLog implements SignInLog {
  private final GraphServiceClient graph;

  GraphSignInLog(GraphServiceClient graph) {
    this.graph = Objects.requireNonNull(graph, "graph == null");
  }

  /**
   * Builds the {@code $filter}.
   *
   * @param since earliest createdDateTime (truncated to seconds)
   * @param legacyOnly whether to add the client-app clause
   * @return the filter text
   */
  static String filter(Instant since, boolean legacyOnly) {
    String f = "createdDateTime ge " + DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.SECONDS));
    if (legacyOnly) {
      f += " and (" + Stream.of(ClientApp.values())
          .filter(c -> c.legacy() && c != ClientApp.UNKNOWN)
          .map(c -> "clientAppUsed eq '" + c.logValue().replace("'", "''") + "'")
          .collect(Collectors.joining(" or ")) + ")";
    }
    return f;
  }

  @Override
  public void forEachSignIn(Instant since, boolean legacyOnly, Consumer<SignInEvent> visitor) {
    Objects.requireNonNull(since, "since == null");
    Objects.requireNonNull(visitor, "visitor == null");
    String filter = filter(since, legacyOnly);
    String op = "GET /auditLogs/signIns";
    SignInCollectionResponse first;
    try {
      first = graph.auditLogs().signIns().get(rc -> {
        rc.queryParameters.filter = filter;
        rc.queryParameters.top = 1000;
      });
    } catch (RuntimeException e) {
      throw GraphErrors.graph(e, op, "sign-in log", filter);
    }
    if (first == null) {
      return;
    }
    GraphPaging.<SignIn, SignInCollectionResponse>forEach(graph, first, SignInCollectionResponse::createFromDiscriminatorValue, s -> {
      if (s.getCreatedDateTime() == null) {
        return;
      }
      SignInEvent e = toEvent(s);
      if (e.createdDateTime().isBefore(since) || (legacyOnly && !e.isLegacy())) {
        return;
      }
      visitor.accept(e);
    }, op);
  }

  private static SignInEvent toEvent(SignIn s) {
    int errorCode = 0;
    String failure = "";
    if (s.getStatus() != null) {
      errorCode = s.getStatus().getErrorCode() == null ? 0 : s.getStatus().getErrorCode();
      failure = s.getStatus().getFailureReason();
    }
    return new SignInEvent(s.getCreatedDateTime().toInstant(), s.getUserPrincipalName(), s.getUserId(), s.getClientAppUsed(),
        errorCode, failure, s.getIpAddress(), s.getAppDisplayName(), Boolean.TRUE.equals(s.getIsInteractive()));
  }
}
