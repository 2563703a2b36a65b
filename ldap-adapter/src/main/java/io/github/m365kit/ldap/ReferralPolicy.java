package io.github.m365kit.ldap;

/**
 * What a search does with the referrals Active Directory returns (for example the continuation reference to
 * {@code CN=Configuration} from a subtree search of the domain root). Neither choice aborts a search.
 */
public enum ReferralPolicy {
  /** Keeps the entries returned so far and skips every referral; the default. */
  IGNORE,
  /**
   * Asks the SDK to follow referrals with the connection's credentials; a referral that cannot be followed is
   * skipped like {@link #IGNORE}.
   */
  FOLLOW
}
