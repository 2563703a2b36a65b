package io.github.m365kit.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A license (subscribed SKU) as m365kit needs to reason about it: whether it carries an Exchange Online plan, an
 * archive, and Unified Messaging.
 *
 * <p>The constants carry the SKU ids of Microsoft's "Product names and service plan identifiers for licensing"
 * list; check them against {@code GET /subscribedSkus} in your tenant, and build your own {@code License} values for
 * SKUs not listed here.
 *
 * @param skuId the SKU GUID, as {@code assignLicense} takes it
 * @param skuPartNumber the SKU's part number, e.g. ENTERPRISEPACK
 * @param exchangePlan the Exchange Online plan the SKU includes
 * @param archive whether the SKU includes Exchange Online Archiving
 * @param unifiedMessaging whether the SKU included Exchange Unified Messaging (a UM-capable license)
 */
public record License(UUID skuId, String skuPartNumber, ExchangePlan exchangePlan, boolean archive, boolean unifiedMessaging) {

  /** The Exchange Online plan in a SKU. */
  public enum ExchangePlan {
    /** No Exchange Online mailbox. */ NONE,
    /** Exchange Online Plan 1 (50 GB). */ PLAN_1,
    /** Exchange Online Plan 2 (100 GB, archive, holds). */ PLAN_2
  }

  /** Office 365 E3 (ENTERPRISEPACK): Exchange Online Plan 2. */
  public static final License OFFICE_365_E3 = new License(UUID.fromString("6fd2c87f-b296-42f0-b197-1e91e994b900"), "ENTERPRISEPACK", ExchangePlan.PLAN_2, true, true);
  /** Office 365 E5 (ENTERPRISEPREMIUM): Exchange Online Plan 2. */
  public static final License OFFICE_365_E5 = new License(UUID.fromString("c7df2760-2c81-4ef7-b578-5b5392b571df"), "ENTERPRISEPREMIUM", ExchangePlan.PLAN_2, true, true);
  /** Exchange Online (Plan 1) (EXCHANGESTANDARD). */
  public static final License EXCHANGE_ONLINE_PLAN_1 = new License(UUID.fromString("4b9405b0-7788-4568-add1-99614e613b69"), "EXCHANGESTANDARD", ExchangePlan.PLAN_1, false, false);
  /** Exchange Online (Plan 2) (EXCHANGEENTERPRISE). */
  public static final License EXCHANGE_ONLINE_PLAN_2 = new License(UUID.fromString("19ec0d23-8335-4cbd-94ac-6050e30712fa"), "EXCHANGEENTERPRISE", ExchangePlan.PLAN_2, true, true);
  /** Exchange Online Archiving add-on (EXCHANGEARCHIVE_ADDON): no mailbox of its own. */
  public static final License EXCHANGE_ONLINE_ARCHIVING = new License(UUID.fromString("ee02fd1b-340e-4a4b-b355-4a514e4c8943"), "EXCHANGEARCHIVE_ADDON", ExchangePlan.NONE, true, false);
  /** Microsoft Power BI (free): a license with no Exchange plan, for tests of "licensed but not for Exchange". */
  public static final License POWER_BI_FREE = new License(UUID.fromString("a403ebcc-fae0-4ca2-8c8c-7a907fd6c235"), "POWER_BI_STANDARD", ExchangePlan.NONE, false, false);

  /** @return the licenses m365kit knows by SKU id */
  public static List<License> known() {
    return List.of(OFFICE_365_E3, OFFICE_365_E5, EXCHANGE_ONLINE_PLAN_1, EXCHANGE_ONLINE_PLAN_2, EXCHANGE_ONLINE_ARCHIVING, POWER_BI_FREE);
  }

  /**
   * @param skuId a SKU id
   * @return the known license with that id
   */
  public static Optional<License> bySkuId(UUID skuId) {
    return known().stream().filter(l -> l.skuId.equals(skuId)).findFirst();
  }

  /** @return true when the SKU gives the user an Exchange Online mailbox */
  public boolean hasExchangePlan() {
    return exchangePlan != ExchangePlan.NONE;
  }

  @Override
  public String toString() {
    return skuPartNumber;
  }
}
