package io.github.m365kit.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.LDAPRequest;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.github.m365kit.mailbox.ConversionOptions;
import io.github.m365kit.mailbox.MailboxConverter;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.PlanRunner;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Limits real Active Directory enforces and the Samba AD DC of the {@code *SambaIT} suite does not, checked here
 * against an emulation in front of the embedded server:
 * <ul>
 *   <li>MaxPageSize 1000: AD answers an unpaged search with more than 1,000 entries with 4 sizeLimitExceeded and caps a
 *       page at 1,000 (Samba returned 3,005 entries unpaged and 3,006 in one page of 5,000).</li>
 *   <li>MaxValRange 1500: AD returns {@code member;range=0-1499} for a large group (Samba returns every value). The
 *       adapter never reads {@code member} (nor any ranged attribute), which is checked here.</li>
 *   <li>unicodePwd: AD refuses a password write over plain LDAP (Samba accepts it once strong auth is off). The adapter
 *       never writes a password attribute, over any transport, which is checked here.</li>
 * </ul>
 */
class AdLimitsTest {
  private static final DistinguishedName BASE = DistinguishedName.of("DC=contoso,DC=com");
  private static final int MAX_PAGE_SIZE = 1000;
  private static final Set<String> PASSWORD_ATTRIBUTES = Set.of("unicodepwd", "userpassword", "clearTextPassword".toLowerCase(Locale.ROOT),
      "dbcspwd", "ntpwdhistory", "lmpwdhistory", "supplementalcredentials");

  private static EmbeddedDirectory ad;

  @BeforeAll
  static void start() {
    ad = EmbeddedDirectory.startWithDemoData();
    ad.addContainer(BASE.child("OU", "Bulk"));
    for (int i = 0; i < 2500; i++) {
      ad.add(AdUser.builder().dn(BASE.child("OU", "Bulk").child("CN", "Bulk " + i)).samAccountName(SamAccountName.of("bulk" + i))
          .mail(SmtpAddress.of("bulk" + i + "@contoso.com")).build());
    }
  }

  @AfterAll
  static void stop() {
    ad.close();
  }

  /**
   * Passes every call to the embedded server the way AD would answer it: an unpaged search stops at MaxPageSize
   * with sizeLimitExceeded, a page larger than MaxPageSize is cut to it. Records every request.
   */
  private static LDAPInterface activeDirectoryLimits(List<LDAPRequest> requests) {
    return (LDAPInterface) Proxy.newProxyInstance(LDAPInterface.class.getClassLoader(), new Class<?>[] {LDAPInterface.class}, (p, m, args) -> {
      Object[] call = args;
      if (args != null && args.length == 1 && args[0] instanceof LDAPRequest r) {
        requests.add(r);
        if (r instanceof SearchRequest s) {
          SearchRequest limited = s.duplicate();
          SimplePagedResultsControl paged = (SimplePagedResultsControl) s.getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
          if (paged == null) {
            limited.setSizeLimit(MAX_PAGE_SIZE);
          } else if (paged.getSize() > MAX_PAGE_SIZE) {
            limited.replaceControl(new SimplePagedResultsControl(MAX_PAGE_SIZE, paged.getCookie(), paged.isCritical()));
          }
          call = new Object[] {limited};
        }
      }
      try {
        return m.invoke(ad.server(), call);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }

  @Test
  void everySearch_isPagedAtMostMaxPageSize_soAdNeverCutsItShort() {
    List<LDAPRequest> requests = new ArrayList<>();
    LdapOnPremDirectory d = LdapBackend.create(activeDirectoryLimits(requests), BASE.toString());
    Set<String> seen = new HashSet<>();
    d.forEachUser(BASE, u -> seen.add(u.samAccountName().value()));
    assertThat(seen).hasSizeGreaterThan(2500).contains("bulk0", "bulk2499");
    assertThat(d.findByUpn(Upn.of("jane.doe@contoso.com"))).isPresent();
    assertThat(d.findByAddress(SmtpAddress.of("bulk1234@contoso.com"))).hasSize(1);
    assertThat(d.findBySamAccountName(SamAccountName.of("bulk2000"))).isPresent();

    List<SearchRequest> searches = requests.stream().filter(SearchRequest.class::isInstance).map(SearchRequest.class::cast).toList();
    assertThat(searches).hasSizeGreaterThanOrEqualTo(6);
    for (SearchRequest s : searches) {
      Control c = s.getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
      assertThat(c).as("search %s is paged", s.getBaseDN()).isInstanceOf(SimplePagedResultsControl.class);
      assertThat(((SimplePagedResultsControl) c).getSize()).isBetween(1, MAX_PAGE_SIZE);
    }
  }

  @Test
  void noOperation_readsMemberOrAnyRangedAttribute() {
    List<LDAPRequest> requests = new ArrayList<>();
    LdapOnPremDirectory d = LdapBackend.create(activeDirectoryLimits(requests), BASE.toString());
    runConversionAndRepair(d);
    List<String> requested = new ArrayList<>();
    for (LDAPRequest r : requests) {
      if (r instanceof SearchRequest s) {
        requested.addAll(List.of(s.getAttributes()));
      }
    }
    assertThat(requested).isNotEmpty().noneMatch(a -> a.equalsIgnoreCase("member") || a.equalsIgnoreCase("memberOf")
        || a.toLowerCase(Locale.ROOT).contains(";range=") || a.equals("*"));
  }

  @Test
  void noOperation_writesAPasswordAttribute() {
    List<LDAPRequest> requests = new ArrayList<>();
    LdapOnPremDirectory d = LdapBackend.create(activeDirectoryLimits(requests), BASE.toString());
    runConversionAndRepair(d);
    List<String> written = new ArrayList<>();
    for (LDAPRequest r : requests) {
      if (r instanceof ModifyRequest m) {
        m.getModifications().forEach(x -> written.add(x.getAttributeName()));
      } else if (r instanceof AddRequest a) {
        a.getAttributes().forEach(x -> written.add(x.getName()));
      }
    }
    assertThat(written).as("the conversion writes attributes").contains("userAccountControl", "msExchRecipientTypeDetails", "msExchMailboxGuid");
    assertThat(written).noneMatch(a -> PASSWORD_ATTRIBUTES.contains(a.toLowerCase(Locale.ROOT)));
  }

  /** Converts Jane to shared (disable, move) and repairs Cloud First's record: every write path the converter has. */
  private static void runConversionAndRepair(LdapOnPremDirectory d) {
    InMemoryTenant tenant = InMemoryTenant.demo();
    MailboxConverter converter = MailboxConverter.using(tenant, tenant, d, tenant.clock());
    PlanRunner runner = PlanRunner.builder().sleeper(tenant.simulatedClock().sleeper()).build();
    runner.run(converter.repair(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN))).orThrow();
    runner.run(converter.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN))).orThrow();
    runner.run(converter.plan(DemoCast.JANE.value(),
        ConversionOptions.toShared().withRemoveLicenses(true).withDisableAccount(true).withMoveTo(DemoCast.DEPARTED_OU))).orThrow();
  }
}
