package io.github.m365kit.group;

/**
 * The documented device properties as typed constants, for {@link GroupMembershipRuleBuilder}. A rule cannot mix
 * device and user properties.
 */
public final class DeviceProperty {

    private DeviceProperty() {
    }

    /** {@code device.deviceCategory} (string). */
    public static final StringProperty DEVICE_CATEGORY = new StringProperty(PropertyRef.device("deviceCategory"));

    /** {@code device.deviceId} (string). */
    public static final StringProperty DEVICE_ID = new StringProperty(PropertyRef.device("deviceId"));

    /** {@code device.deviceManagementAppId} (string). */
    public static final StringProperty DEVICE_MANAGEMENT_APP_ID = new StringProperty(PropertyRef.device("deviceManagementAppId"));

    /** {@code device.deviceManufacturer} (string). */
    public static final StringProperty DEVICE_MANUFACTURER = new StringProperty(PropertyRef.device("deviceManufacturer"));

    /** {@code device.deviceModel} (string). */
    public static final StringProperty DEVICE_MODEL = new StringProperty(PropertyRef.device("deviceModel"));

    /** {@code device.displayName} (string). */
    public static final StringProperty DISPLAY_NAME = new StringProperty(PropertyRef.device("displayName"));

    /** {@code device.deviceOSType} (string). */
    public static final StringProperty DEVICE_OS_TYPE = new StringProperty(PropertyRef.device("deviceOSType"));

    /** {@code device.deviceOSVersion} (string). */
    public static final StringProperty DEVICE_OS_VERSION = new StringProperty(PropertyRef.device("deviceOSVersion"));

    /** {@code device.deviceOwnership} (string). */
    public static final StringProperty DEVICE_OWNERSHIP = new StringProperty(PropertyRef.device("deviceOwnership"));

    /** {@code device.deviceTrustType} (string). */
    public static final StringProperty DEVICE_TRUST_TYPE = new StringProperty(PropertyRef.device("deviceTrustType"));

    /** {@code device.enrollmentProfileName} (string). */
    public static final StringProperty ENROLLMENT_PROFILE_NAME = new StringProperty(PropertyRef.device("enrollmentProfileName"));

    /** {@code device.managementType} (string). */
    public static final StringProperty MANAGEMENT_TYPE = new StringProperty(PropertyRef.device("managementType"));

    /** {@code device.objectId} (string). */
    public static final StringProperty OBJECT_ID = new StringProperty(PropertyRef.device("objectId"));

    /** {@code device.profileType} (string). */
    public static final StringProperty PROFILE_TYPE = new StringProperty(PropertyRef.device("profileType"));

    /** {@code device.systemLabels} (string). */
    public static final StringProperty SYSTEM_LABELS = new StringProperty(PropertyRef.device("systemLabels"));

    /** {@code device.accountEnabled} (bool). */
    public static final BooleanProperty ACCOUNT_ENABLED = new BooleanProperty(PropertyRef.device("accountEnabled"));

    /** {@code device.isRooted} (bool). */
    public static final BooleanProperty IS_ROOTED = new BooleanProperty(PropertyRef.device("isRooted"));

    /** {@code device.devicePhysicalIds} (string collection), for example {@code [ZTDId]} Autopilot ids. */
    public static final StringCollectionProperty DEVICE_PHYSICAL_IDS =
            new StringCollectionProperty(PropertyRef.device("devicePhysicalIds"));

    /**
     * Returns {@code device.extensionAttribute<n>}.
     *
     * @param n 1 to 15
     * @return the property
     */
    public static StringProperty extensionAttribute(int n) {
        if (n < 1 || n > 15) {
            throw new IllegalArgumentException("extension attributes are numbered 1 to 15: " + n);
        }
        return new StringProperty(PropertyRef.device("extensionAttribute" + n));
    }
}
