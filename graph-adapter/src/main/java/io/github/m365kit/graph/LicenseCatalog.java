package io.github.m365kit.graph;

import com.microsoft.graph.models.ServicePlanInfo;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.SubscribedSkuCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.github.m365kit.M365KitException;
import io.github.m365kit.model.License;
import io.github.m365kit.model.License.ExchangePlan;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@code assignedLicenses[].skuId} into a {@link License}.
 *
 * <p>The order is: a license m365kit knows ({@link License#bySkuId(UUID)}); else the tenant's own
 * {@code GET /subscribedSkus}, read once on first need, judged by its service plan names
 * ({@code EXCHANGE_S_ENTERPRISE} = Plan 2 with archive and UM, {@code EXCHANGE_S_STANDARD}/{@code EXCHANGE_S_DESKLESS}
 * = Plan 1, {@code EXCHANGE_S_ARCHIVE*} = archive); else, when the SKU is unknown or {@code /subscribedSkus} cannot
 * be read (it needs Organization.Read.All or LicenseAssignment.Read.All), a license with {@link ExchangePlan#NONE}
 * named by its SKU id. This is deliberately simple: disabled plans of an assignment are not considered.
 * Thread-safe.
 */
final class LicenseCatalog {
  private static final Logger log = LoggerFactory.getLogger(LicenseCatalog.class);

  private final GraphServiceClient graph;
  private Map<UUID, License> tenantSkus;

  LicenseCatalog(GraphServiceClient graph) {
    this.graph = graph;
  }

  License resolve(UUID skuId) {
    return License.bySkuId(skuId).orElseGet(() -> tenantSkus().getOrDefault(skuId,
        new License(skuId, skuId.toString(), ExchangePlan.NONE, false, false)));
  }

  private synchronized Map<UUID, License> tenantSkus() {
    if (tenantSkus == null) {
      Map<UUID, License> found = new HashMap<>();
      try {
        SubscribedSkuCollectionResponse r = graph.subscribedSkus().get();
        if (r != null && r.getValue() != null) {
          for (SubscribedSku s : r.getValue()) {
            if (s.getSkuId() != null) {
              found.put(s.getSkuId(), fromPlans(s));
            }
          }
        }
      } catch (RuntimeException e) {
        M365KitException m = GraphErrors.graph(e, "GET /subscribedSkus", "subscribedSkus", "*");
        log.warn("Could not read the tenant's SKUs; unknown SKUs count as having no Exchange plan [reason={}]", m.getMessage());
      }
      tenantSkus = found;
    }
    return tenantSkus;
  }

  static License fromPlans(SubscribedSku s) {
    ExchangePlan plan = ExchangePlan.NONE;
    boolean archive = false;
    if (s.getServicePlans() != null) {
      for (ServicePlanInfo p : s.getServicePlans()) {
        String name = p.getServicePlanName() == null ? "" : p.getServicePlanName().toUpperCase(Locale.ROOT);
        if (name.equals("EXCHANGE_S_ENTERPRISE")) {
          plan = ExchangePlan.PLAN_2;
          archive = true;
        } else if ((name.equals("EXCHANGE_S_STANDARD") || name.equals("EXCHANGE_S_DESKLESS")) && plan == ExchangePlan.NONE) {
          plan = ExchangePlan.PLAN_1;
        } else if (name.startsWith("EXCHANGE_S_ARCHIVE")) {
          archive = true;
        }
      }
    }
    String part = s.getSkuPartNumber() == null ? s.getSkuId().toString() : s.getSkuPartNumber();
    return new License(s.getSkuId(), part, plan, archive, plan == ExchangePlan.PLAN_2);
  }
}
