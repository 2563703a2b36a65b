package io.github.m365kit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.BackendException;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.model.MailboxPurpose;
import io.github.m365kit.model.Upn;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Wire tests of {@link GraphReports} (mailbox usage CSV) and of the mailbox purpose read-back. */
class GraphReportsTest extends WireTestSupport {
  static final String HEADER = "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,"
      + "Created Date,Last Activity Date,Item Count,Storage Used (Byte),Issue Warning Quota (Byte),"
      + "Prohibit Send Quota (Byte),Prohibit Send/Receive Quota (Byte),Deleted Item Count,Deleted Item Size (Byte),"
      + "Deleted Item Quota (Byte),Has Archive,Recipient Type,Report Period\r\n";

  private void enqueueRedirectTo(String csv) {
    server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", url("/download/usage.csv")));
    server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/octet-stream").setBody(csv));
  }

  @Test
  void mailboxUsage_follows302_parsesQuotedCsvWithBom() throws Exception {
    enqueueRedirectTo("\uFEFF" + HEADER
        + "2026-11-26,ann@contoso.com,\"Ann, \"\"the\"\" Admin\",False,,2020-01-01,2026-11-25,1200,53687091300,"
        + "52613349376,53150220288,53687091200,3,1024,32212254720,True,Shared,7\r\n"
        + "2026-11-26,bob@contoso.com,\"Bob\r\nSecond line\",False,,,,15,2048,,,,0,0,0,False,User,7\r\n");

    List<MailboxUsage> rows = backend.reports().mailboxUsage(ReportPeriod.D7);

    RecordedRequest report = take();
    assertThat(report.getMethod()).isEqualTo("GET");
    assertThat(report.getRequestUrl().pathSegments()).containsExactly("v1.0", "reports", "getMailboxUsageDetail(period='D7')");
    RecordedRequest download = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(download.getPath()).isEqualTo("/download/usage.csv");
    assertThat(rows).hasSize(2);
    MailboxUsage ann = rows.get(0);
    assertThat(ann.reportRefreshDate()).contains(LocalDate.of(2026, 11, 26));
    assertThat(ann.userPrincipalName()).isEqualTo("ann@contoso.com");
    assertThat(ann.displayName()).isEqualTo("Ann, \"the\" Admin");
    assertThat(ann.itemCount()).isEqualTo(1200);
    assertThat(ann.storageUsedBytes()).isEqualTo(53687091300L);
    assertThat(ann.prohibitSendReceiveQuotaBytes()).hasValue(53687091200L);
    assertThat(ann.issueWarningQuotaBytes()).hasValue(52613349376L);
    assertThat(ann.hasArchive()).isTrue();
    assertThat(ann.recipientType()).contains("Shared");
    assertThat(ann.concealed()).isFalse();
    MailboxUsage bob = rows.get(1);
    assertThat(bob.displayName()).isEqualTo("Bob\r\nSecond line");
    assertThat(bob.storageUsedBytes()).isEqualTo(2048);
    assertThat(bob.prohibitSendQuotaBytes()).isEmpty();
    assertThat(bob.hasArchive()).isFalse();
  }

  @Test
  void mailboxUsage_findsColumnsByName_andFlagsConcealedNames() throws Exception {
    enqueueRedirectTo("Storage Used (Byte),User Principal Name,Has Archive\n"
        + "10,3F2A9C0D81B7E5A4C6D2F0B1A9E8D7C6,False\n");

    List<MailboxUsage> rows = backend.reports().mailboxUsage(ReportPeriod.D30);

    assertThat(take().getRequestUrl().pathSegments()).last().isEqualTo("getMailboxUsageDetail(period='D30')");
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.concealed()).isTrue();
      assertThat(r.storageUsedBytes()).isEqualTo(10);
      assertThat(r.reportRefreshDate()).isEmpty();
      assertThat(r.displayName()).isEmpty();
    });
  }

  @Test
  void mailboxUsage_withoutStorageColumn_isBackendException() {
    enqueueRedirectTo("User Principal Name,Storage Used\nann@contoso.com,10\n");
    assertThatThrownBy(() -> backend.reports().mailboxUsage(ReportPeriod.D90)).isInstanceOf(BackendException.class)
        .hasMessageContaining("Storage Used (Byte)");
  }

  @Test
  void overSharedMailboxCap_keepsOnlyMailboxesOver50GiB_largestFirst() {
    enqueueRedirectTo(HEADER
        + "2026-11-26,small@contoso.com,Small,False,,,,1,1000,,,,0,0,0,False,User,180\r\n"
        + "2026-11-26,big@contoso.com,Big,False,,,,1,60000000000,,,,0,0,0,False,User,180\r\n"
        + "2026-11-26,edge@contoso.com,Edge,False,,,,1,53687091200,,,,0,0,0,False,User,180\r\n"
        + "2026-11-26,bigger@contoso.com,Bigger,False,,,,1,90000000000,,,,0,0,0,True,User,180\r\n");

    List<MailboxUsage> over = backend.reports().overSharedMailboxCap(ReportPeriod.D180);

    assertThat(over).extracting(MailboxUsage::userPrincipalName).containsExactly("bigger@contoso.com", "big@contoso.com");
  }

  @Test
  void mailboxUsage_maps403And429() throws Exception {
    server.enqueue(json(403, graphError("UnknownError", "Reports.Read.All is required")));
    assertThat(catchThrowable(() -> backend.reports().mailboxUsage(ReportPeriod.D7))).isInstanceOf(AccessDeniedException.class);
    take();
    for (int i = 0; i < 3; i++) { // the SDK's RetryHandler retries twice (maxRetries 2), then m365kit maps the 429
      server.enqueue(json(429, graphError("TooManyRequests", "slow down")).setHeader("Retry-After", "0"));
    }
    Throwable t = catchThrowable(() -> backend.reports().mailboxUsage(ReportPeriod.D7));
    assertThat(t).isInstanceOf(ThrottledException.class);
    assertThat(((ThrottledException) t).retryAfter()).contains(Duration.ZERO);
  }

  @Test
  void reportPeriod_acceptsOnlyDocumentedPeriods() {
    assertThat(ReportPeriod.of("d30")).isEqualTo(ReportPeriod.D30);
    assertThatThrownBy(() -> ReportPeriod.of("D14")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("D14");
  }

  // ------------------------------------------------------------ mailboxSettings.userPurpose

  @Test
  void mailboxPurpose_selectsUserPurpose_mapsKnownValue() throws Exception {
    server.enqueue(json("{\"@odata.context\":\"x\",\"userPurpose\":\"shared\"}"));

    Optional<MailboxPurpose> purpose = backend.cloudDirectory().mailboxPurpose(Upn.of("sales@contoso.com"));

    assertThat(purpose).contains(new MailboxPurpose(MailboxPurpose.Kind.SHARED, "shared"));
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/v1.0/users/sales%40contoso.com/mailboxSettings");
    assertThat(r.getRequestUrl().queryParameter("$select")).isEqualTo("userPurpose");
  }

  @Test
  void mailboxPurpose_keepsUnknownFutureValues() throws Exception {
    server.enqueue(json("{\"userPurpose\":\"unknownFutureValue\"}"));
    server.enqueue(json("{\"userPurpose\":\"teamMailbox\"}"));
    server.enqueue(json("{\"userPurpose\":\"equipment\"}"));

    assertThat(backend.cloudDirectory().mailboxPurpose(Upn.of("a@contoso.com"))).get()
        .isEqualTo(new MailboxPurpose(MailboxPurpose.Kind.UNKNOWN, "unknownFutureValue"));
    assertThat(backend.cloudDirectory().mailboxPurpose(Upn.of("b@contoso.com"))).get()
        .isEqualTo(new MailboxPurpose(MailboxPurpose.Kind.UNKNOWN, "teamMailbox"));
    assertThat(backend.cloudDirectory().mailboxPurpose(Upn.of("c@contoso.com"))).get()
        .extracting(MailboxPurpose::kind).isEqualTo(MailboxPurpose.Kind.EQUIPMENT);
  }

  @Test
  void mailboxPurpose_when404_isEmpty_when403_isAccessDenied() throws Exception {
    server.enqueue(json(404, graphError("MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.")));
    assertThat(backend.cloudDirectory().mailboxPurpose(Upn.of("nobox@contoso.com"))).isEmpty();
    take();
    server.enqueue(json(403, graphError("ErrorAccessDenied", "Access is denied. Check credentials and try again.")));
    Throwable t = catchThrowable(() -> backend.cloudDirectory().mailboxPurpose(Upn.of("a@contoso.com")));
    assertThat(t).isInstanceOf(AccessDeniedException.class).hasMessageContaining("mailboxSettings");
    assertNoToken(t);
  }

  @Test
  void mailboxPurpose_percentEncodesTheUpn() throws Exception {
    server.enqueue(json("{\"userPurpose\":\"user\"}"));
    backend.cloudDirectory().mailboxPurpose(Upn.of("o'brien#1@contoso.com"));
    RecordedRequest r = take();
    assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/v1.0/users/o%27brien%231%40contoso.com/mailboxSettings");
    assertThat(r.getRequestUrl().pathSegments()).containsExactly("v1.0", "users", "o'brien#1@contoso.com", "mailboxSettings");
  }
}
