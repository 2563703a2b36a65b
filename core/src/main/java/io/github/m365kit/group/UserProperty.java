package io.github.m365kit.group;

import java.util.regex.Pattern;

/**
 * The documented user properties as typed constants, for {@link GroupMembershipRuleBuilder}.
 *
 * <p>Names are the rule names, which are case-sensitive in the service ({@code mailNickName}, not
 * {@code mailNickname}).
 */
public final class UserProperty {

    private static final Pattern APP_ID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern NAME = Pattern.compile("\\w+");

    private UserProperty() {
    }

    /** {@code user.city} (string). */
    public static final StringProperty CITY = new StringProperty(PropertyRef.user("city"));

    /** {@code user.country} (string). */
    public static final StringProperty COUNTRY = new StringProperty(PropertyRef.user("country"));

    /** {@code user.companyName} (string). */
    public static final StringProperty COMPANY_NAME = new StringProperty(PropertyRef.user("companyName"));

    /** {@code user.department} (string). */
    public static final StringProperty DEPARTMENT = new StringProperty(PropertyRef.user("department"));

    /** {@code user.displayName} (string). */
    public static final StringProperty DISPLAY_NAME = new StringProperty(PropertyRef.user("displayName"));

    /** {@code user.employeeId} (string). */
    public static final StringProperty EMPLOYEE_ID = new StringProperty(PropertyRef.user("employeeId"));

    /** {@code user.facsimileTelephoneNumber} (string). */
    public static final StringProperty FACSIMILE_TELEPHONE_NUMBER = new StringProperty(PropertyRef.user("facsimileTelephoneNumber"));

    /** {@code user.givenName} (string). */
    public static final StringProperty GIVEN_NAME = new StringProperty(PropertyRef.user("givenName"));

    /** {@code user.jobTitle} (string). */
    public static final StringProperty JOB_TITLE = new StringProperty(PropertyRef.user("jobTitle"));

    /** {@code user.mail} (string). */
    public static final StringProperty MAIL = new StringProperty(PropertyRef.user("mail"));

    /** {@code user.mailNickName} (string). */
    public static final StringProperty MAIL_NICK_NAME = new StringProperty(PropertyRef.user("mailNickName"));

    /** {@code user.mobile} (string). */
    public static final StringProperty MOBILE = new StringProperty(PropertyRef.user("mobile"));

    /** {@code user.objectId} (string). */
    public static final StringProperty OBJECT_ID = new StringProperty(PropertyRef.user("objectId"));

    /** {@code user.onPremisesDistinguishedName} (string). */
    public static final StringProperty ON_PREMISES_DISTINGUISHED_NAME = new StringProperty(PropertyRef.user("onPremisesDistinguishedName"));

    /** {@code user.onPremisesSecurityIdentifier} (string). */
    public static final StringProperty ON_PREMISES_SECURITY_IDENTIFIER = new StringProperty(PropertyRef.user("onPremisesSecurityIdentifier"));

    /** {@code user.passwordPolicies} (string). */
    public static final StringProperty PASSWORD_POLICIES = new StringProperty(PropertyRef.user("passwordPolicies"));

    /** {@code user.physicalDeliveryOfficeName} (string). */
    public static final StringProperty PHYSICAL_DELIVERY_OFFICE_NAME = new StringProperty(PropertyRef.user("physicalDeliveryOfficeName"));

    /** {@code user.postalCode} (string). */
    public static final StringProperty POSTAL_CODE = new StringProperty(PropertyRef.user("postalCode"));

    /** {@code user.preferredLanguage} (string). */
    public static final StringProperty PREFERRED_LANGUAGE = new StringProperty(PropertyRef.user("preferredLanguage"));

    /** {@code user.sipProxyAddress} (string). */
    public static final StringProperty SIP_PROXY_ADDRESS = new StringProperty(PropertyRef.user("sipProxyAddress"));

    /** {@code user.state} (string). */
    public static final StringProperty STATE = new StringProperty(PropertyRef.user("state"));

    /** {@code user.streetAddress} (string). */
    public static final StringProperty STREET_ADDRESS = new StringProperty(PropertyRef.user("streetAddress"));

    /** {@code user.surname} (string). */
    public static final StringProperty SURNAME = new StringProperty(PropertyRef.user("surname"));

    /** {@code user.telephoneNumber} (string). */
    public static final StringProperty TELEPHONE_NUMBER = new StringProperty(PropertyRef.user("telephoneNumber"));

    /** {@code user.usageLocation} (string). */
    public static final StringProperty USAGE_LOCATION = new StringProperty(PropertyRef.user("usageLocation"));

    /** {@code user.userPrincipalName} (string). */
    public static final StringProperty USER_PRINCIPAL_NAME = new StringProperty(PropertyRef.user("userPrincipalName"));

    /** {@code user.userType} (string). */
    public static final StringProperty USER_TYPE = new StringProperty(PropertyRef.user("userType"));

    /** {@code user.accountEnabled} (bool). */
    public static final BooleanProperty ACCOUNT_ENABLED = new BooleanProperty(PropertyRef.user("accountEnabled"));

    /** {@code user.dirSyncEnabled} (bool). */
    public static final BooleanProperty DIR_SYNC_ENABLED = new BooleanProperty(PropertyRef.user("dirSyncEnabled"));

    /** {@code user.employeeHireDate} (dateTime, preview). */
    public static final DateTimeProperty EMPLOYEE_HIRE_DATE =
            new DateTimeProperty(PropertyRef.user("employeeHireDate"));

    /** {@code user.otherMails} (string collection). */
    public static final StringCollectionProperty OTHER_MAILS =
            new StringCollectionProperty(PropertyRef.user("otherMails"));

    /** {@code user.proxyAddresses} (string collection). */
    public static final StringCollectionProperty PROXY_ADDRESSES =
            new StringCollectionProperty(PropertyRef.user("proxyAddresses"));

    /** {@code user.assignedPlans} (collection of assigned plans). */
    public static final AssignedPlansProperty ASSIGNED_PLANS = new AssignedPlansProperty();

    /**
     * Returns {@code user.extensionAttribute<n>}, synced from on-premises Exchange attributes.
     *
     * @param n 1 to 15
     * @return the property
     */
    public static StringProperty extensionAttribute(int n) {
        if (n < 1 || n > 15) {
            throw new IllegalArgumentException("extension attributes are numbered 1 to 15: " + n);
        }
        return new StringProperty(PropertyRef.user("extensionAttribute" + n));
    }

    /**
     * Returns a single-valued directory extension, {@code user.extension_<appId>_<name>}; multi-valued extension
     * properties are not supported by the service.
     *
     * @param appId the owning application's id, with or without dashes
     * @param name the extension name
     * @return the property
     */
    public static StringProperty directoryExtension(String appId, String name) {
        String id = appId.replace("-", "");
        if (!APP_ID.matcher(id).matches() || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("expected a 32-hex-digit app id and a word name: " + appId + ", " + name);
        }
        return new StringProperty(PropertyRef.user("extension_" + id + "_" + name));
    }
}
