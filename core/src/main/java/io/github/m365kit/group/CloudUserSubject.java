package io.github.m365kit.group;

import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.UserType;
import java.util.HashMap;
import java.util.Map;

/**
 * Views a {@link CloudUser} as a {@link RuleSubject} under Graph's JSON property names, so a rule can be previewed
 * against the users of any {@link io.github.m365kit.spi.CloudDirectory}, the in-memory tenant included.
 */
public final class CloudUserSubject {
  private CloudUserSubject() {}

  /**
   * @param user the user
   * @return the user's properties by Graph JSON name
   */
  public static RuleSubject of(CloudUser user) {
    Map<String, Object> json = new HashMap<>();
    json.put("id", user.id().toString());
    json.put("userPrincipalName", user.userPrincipalName().value());
    json.put("displayName", user.displayName());
    user.mail().ifPresent(m -> json.put("mail", m.value()));
    json.put("accountEnabled", user.accountEnabled());
    json.put("userType", user.userType() == UserType.GUEST ? "Guest" : "Member");
    user.department().ifPresent(v -> json.put("department", v));
    user.jobTitle().ifPresent(v -> json.put("jobTitle", v));
    user.country().ifPresent(v -> json.put("country", v));
    user.usageLocation().ifPresent(v -> json.put("usageLocation", v));
    Map<String, Object> ext = new HashMap<>();
    user.otherProperties().forEach((k, v) -> {
      String prefix = "onPremisesExtensionAttributes.";
      if (k.startsWith(prefix)) {
        ext.put(k.substring(prefix.length()), v);
      } else {
        json.put(k, v);
      }
    });
    if (!ext.isEmpty()) {
      json.put("onPremisesExtensionAttributes", ext);
    }
    return RuleSubject.ofMap(json);
  }
}
