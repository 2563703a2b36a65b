package io.github.m365kit.access;

import io.github.m365kit.model.SmtpAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Builds Outlook on the web URLs that open another user's mailbox directly, the route for an admin account that has
 * no mailbox or license of its own (Outlook on the web otherwise says the account has no license or mailbox).
 *
 * <ul>
 *   <li>{@link #classic(SmtpAddress)}: {@code https://outlook.office.com/owa/<smtp>/?offline=disabled}, the form in
 *       the seed blog. OWA's own script builds {@code /owa/<smtp>/?offline=disabled}; a Microsoft employee blog
 *       documents {@code /owa/<smtp>/} (trailing slash needed).</li>
 *   <li>{@link #newOutlook(SmtpAddress)}: {@code https://outlook.office.com/mail/<smtp>/}, the form community scripts
 *       use for the new Outlook on the web.</li>
 * </ul>
 * Neither form is documented on a Microsoft documentation page: both are UNCONFIRMED, and {@link OwaUrl#documented()}
 * is false for both. Opening the mailbox needs FullAccess ({@link MailboxAccess}), which can take a while to apply.
 *
 * <p>The address is validated as an {@link SmtpAddress} and percent-encoded as one path segment: only RFC 3986
 * unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) and {@code @} stay as they are; everything else, including
 * {@code / ? # % ' ` $ { } | = +}, is encoded as UTF-8 {@code %XX}. So no address can add a path segment, a query or
 * a fragment. Stateless and thread-safe.
 */
public final class OwaUrls {
  /** The Outlook on the web host the seed uses. */
  public static final String HOST = "outlook.office.com";

  private static final String UNCONFIRMED = "UNCONFIRMED: no Microsoft documentation page describes this URL form; "
      + "it comes from the seed blog, OWA's own script and community scripts";

  /** The URL forms. */
  public enum Form {
    /** {@code /owa/<smtp>/?offline=disabled}. */ CLASSIC_OWA,
    /** {@code /mail/<smtp>/}. */ NEW_OUTLOOK
  }

  /**
   * A URL that opens another mailbox, with what is known about it.
   *
   * @param uri the URL
   * @param form which form it is
   * @param documented whether a Microsoft documentation page describes the form (false for every form today)
   * @param note where the form comes from, for an admin
   */
  public record OwaUrl(URI uri, Form form, boolean documented, String note) {
    /** Validates. */
    public OwaUrl {
      Objects.requireNonNull(uri, "uri == null");
      Objects.requireNonNull(form, "form == null");
      Objects.requireNonNull(note, "note == null");
    }

    @Override
    public String toString() {
      return uri.toString();
    }
  }

  private OwaUrls() {}

  /**
   * @param mailbox the mailbox to open
   * @return {@code https://outlook.office.com/owa/<smtp>/?offline=disabled}
   */
  public static OwaUrl classic(SmtpAddress mailbox) {
    Objects.requireNonNull(mailbox, "mailbox == null");
    return new OwaUrl(URI.create("https://" + HOST + "/owa/" + encodePathSegment(mailbox.value()) + "/?offline=disabled"), Form.CLASSIC_OWA, false, UNCONFIRMED);
  }

  /**
   * @param mailbox the mailbox to open
   * @return {@code https://outlook.office.com/mail/<smtp>/}
   */
  public static OwaUrl newOutlook(SmtpAddress mailbox) {
    Objects.requireNonNull(mailbox, "mailbox == null");
    return new OwaUrl(URI.create("https://" + HOST + "/mail/" + encodePathSegment(mailbox.value()) + "/"), Form.NEW_OUTLOOK, false, UNCONFIRMED);
  }

  /**
   * @param mailbox the mailbox to open
   * @param form the form
   * @return the URL in that form
   */
  public static OwaUrl of(SmtpAddress mailbox, Form form) {
    return form == Form.CLASSIC_OWA ? classic(mailbox) : newOutlook(mailbox);
  }

  /**
   * Percent-encodes text as one URL path segment: unreserved characters and {@code @} stay, everything else becomes
   * {@code %XX} of its UTF-8 bytes (upper-case hex).
   *
   * @param text any text
   * @return the encoded segment
   */
  public static String encodePathSegment(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' || c == '@';
      if (keep) {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
