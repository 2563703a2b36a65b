package io.github.m365kit.group;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The documented properties, their types, and the Graph JSON names the evaluator reads them from.
 *
 * <p>Rule names and Graph names differ for some properties (for example {@code user.objectId} is Graph {@code id},
 * {@code user.extensionAttribute1} is {@code onPremisesExtensionAttributes.extensionAttribute1}). Those mappings
 * follow the Graph user and device resources; the ones for {@code sipProxyAddress} and the device properties without
 * a Graph counterpart are left under the rule name.
 */
final class RuleCatalog {

    /** A known property. */
    record Entry(PropertyType type, String graphName) {
    }

    private static final Pattern EXTENSION_ATTRIBUTE = Pattern.compile("extensionAttribute(1[0-5]|[1-9])");
    private static final Pattern DIRECTORY_EXTENSION = Pattern.compile("extension_[0-9a-fA-F]{32}_\\w+");

    /** Maester MT.1196 "risky - user-influenceable attributes". */
    static final Set<String> USER_INFLUENCEABLE = Set.of("city", "companyName", "country", "department",
            "displayName", "givenName", "jobTitle", "mobile", "otherMails", "preferredLanguage", "state", "surname",
            "telephoneNumber");

    private static final Map<String, Entry> USER = new HashMap<>();
    private static final Map<String, Entry> DEVICE = new HashMap<>();
    private static final Map<String, Entry> PLAN = new HashMap<>();

    static {
        user("accountEnabled", PropertyType.BOOLEAN, "accountEnabled");
        user("dirSyncEnabled", PropertyType.BOOLEAN, "onPremisesSyncEnabled");
        user("employeeHireDate", PropertyType.DATE_TIME, "employeeHireDate");
        for (String s : new String[] {"city", "country", "companyName", "department", "displayName", "employeeId",
                "givenName", "jobTitle", "mail", "onPremisesDistinguishedName", "onPremisesSecurityIdentifier",
                "passwordPolicies", "postalCode", "preferredLanguage", "sipProxyAddress", "state", "streetAddress",
                "surname", "usageLocation", "userPrincipalName", "userType"}) {
            user(s, PropertyType.STRING, s);
        }
        user("facsimileTelephoneNumber", PropertyType.STRING, "faxNumber");
        user("mailNickName", PropertyType.STRING, "mailNickname");
        user("mobile", PropertyType.STRING, "mobilePhone");
        user("objectId", PropertyType.STRING, "id");
        user("physicalDeliveryOfficeName", PropertyType.STRING, "officeLocation");
        user("telephoneNumber", PropertyType.STRING, "businessPhones");
        user("otherMails", PropertyType.STRING_COLLECTION, "otherMails");
        user("proxyAddresses", PropertyType.STRING_COLLECTION, "proxyAddresses");
        user("assignedPlans", PropertyType.PLAN_COLLECTION, "assignedPlans");
        user("memberOf", PropertyType.GROUP_COLLECTION, "memberOf");

        device("accountEnabled", PropertyType.BOOLEAN, "accountEnabled");
        device("isRooted", PropertyType.BOOLEAN, "isRooted");
        for (String s : new String[] {"deviceCategory", "deviceId", "deviceManagementAppId", "displayName",
                "deviceOwnership", "enrollmentProfileName", "managementType", "profileType", "systemLabels"}) {
            device(s, PropertyType.STRING, s);
        }
        device("deviceManufacturer", PropertyType.STRING, "manufacturer");
        device("deviceModel", PropertyType.STRING, "model");
        device("deviceOSType", PropertyType.STRING, "operatingSystem");
        device("deviceOSVersion", PropertyType.STRING, "operatingSystemVersion");
        device("deviceTrustType", PropertyType.STRING, "trustType");
        device("objectId", PropertyType.STRING, "id");
        device("devicePhysicalIds", PropertyType.STRING_COLLECTION, "physicalIds");
        device("memberOf", PropertyType.GROUP_COLLECTION, "memberOf");

        PLAN.put("servicePlanId", new Entry(PropertyType.STRING, "servicePlanId"));
        PLAN.put("service", new Entry(PropertyType.STRING, "service"));
        PLAN.put("capabilityStatus", new Entry(PropertyType.STRING, "capabilityStatus"));
    }

    private RuleCatalog() {
    }

    private static void user(String name, PropertyType type, String graph) {
        USER.put(name, new Entry(type, graph));
    }

    private static void device(String name, PropertyType type, String graph) {
        DEVICE.put(name, new Entry(type, graph));
    }

    /** Looks up a property exactly (names are case-sensitive), {@code memberOf} excepted. */
    static Optional<Entry> lookup(PropertyRef p) {
        switch (p.scope()) {
            case ITEM:
                return Optional.of(new Entry(PropertyType.STRING, ""));
            case GROUP:
                return p.name().equals("objectId") ? Optional.of(new Entry(PropertyType.STRING, "id"))
                        : Optional.empty();
            case ASSIGNED_PLAN:
                return Optional.ofNullable(PLAN.get(p.name()));
            case USER:
            case DEVICE:
            default:
                break;
        }
        String name = p.name();
        if (name.equalsIgnoreCase("memberOf")) {
            return Optional.of(new Entry(PropertyType.GROUP_COLLECTION, "memberOf"));
        }
        if (EXTENSION_ATTRIBUTE.matcher(name).matches()) {
            return Optional.of(new Entry(PropertyType.STRING, (p.scope() == PropertyRef.Scope.USER
                    ? "onPremisesExtensionAttributes." : "extensionAttributes.") + name));
        }
        if (p.scope() == PropertyRef.Scope.USER && DIRECTORY_EXTENSION.matcher(name).matches()) {
            return Optional.of(new Entry(PropertyType.STRING, name));
        }
        return Optional.ofNullable((p.scope() == PropertyRef.Scope.USER ? USER : DEVICE).get(name));
    }

    /** Suggests the correctly cased name when the name only differs in case. */
    static Optional<String> suggestion(PropertyRef p) {
        Map<String, Entry> table = p.scope() == PropertyRef.Scope.USER ? USER
                : p.scope() == PropertyRef.Scope.DEVICE ? DEVICE : p.scope() == PropertyRef.Scope.ASSIGNED_PLAN
                ? PLAN : Map.of();
        String lower = p.name().toLowerCase(Locale.ROOT);
        for (String k : table.keySet()) {
            if (k.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(k);
            }
        }
        if (lower.startsWith("extensionattribute")) {
            return Optional.of("extensionAttribute" + p.name().substring("extensionattribute".length()));
        }
        return Optional.empty();
    }
}
