package io.github.m365kit.auth;

import io.github.m365kit.InvalidInputException;
import io.github.m365kit.model.M365Style;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An Exchange Online authentication policy: a name (at most 64 characters; it cannot be renamed) and the
 * {@code AllowBasicAuth*} switches, each false unless listed in {@link #allowBasicAuth()}. A policy with no switch
 * blocks basic authentication for every protocol, like the seed's "Block Basic Auth". Immutable and thread-safe.
 */
@Value.Immutable
@M365Style
public interface AuthPolicy {
  /** The longest name Exchange accepts. */
  int MAX_NAME_LENGTH = 64;

  /** @return the policy name */
  String name();

  /** @return the protocols for which basic authentication stays allowed; all others are blocked */
  Set<BasicAuthProtocol> allowBasicAuth();

  /**
   * @param protocol a protocol
   * @return whether basic authentication is allowed for it
   */
  default boolean allows(BasicAuthProtocol protocol) {
    return allowBasicAuth().contains(protocol);
  }

  /** Validates the name. */
  @Value.Check
  default void check() {
    validateName(name());
  }

  /**
   * Checks a policy name as Exchange does.
   *
   * @param name the name
   * @return the name
   * @throws InvalidInputException when empty, longer than 64 characters or containing control characters
   */
  static String validateName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("authentication policy name", name, "it is empty");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidInputException("authentication policy name", name, "it has " + name.length() + " characters; Exchange allows at most " + MAX_NAME_LENGTH);
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw new InvalidInputException("authentication policy name", name, "it contains a control character");
      }
    }
    return name;
  }

  /**
   * @param name the name
   * @return a policy that blocks basic authentication for every protocol
   */
  static AuthPolicy blockAll(String name) {
    return builder().name(name).build();
  }

  /** @return a builder */
  static ImmutableAuthPolicy.Builder builder() {
    return ImmutableAuthPolicy.builder();
  }
}
