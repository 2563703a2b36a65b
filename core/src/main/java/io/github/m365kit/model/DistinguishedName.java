package io.github.m365kit.model;

import io.github.m365kit.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An LDAP distinguished name ({@code CN=Jane Doe,OU=Users,DC=contoso,DC=com}) parsed per RFC 4514.
 *
 * <p>Values are kept unescaped in {@link Rdn}; {@link #toString()} renders the canonical escaped form, so a name
 * built with {@link #child(String, String)} from untrusted text (a comma, plus sign, quote or leading {@code #} in a
 * display name) can never change the name's structure. Compared without regard to case and to spaces around
 * separators, as AD does. Multi-valued RDNs ({@code CN=Jane+OU=Staff}) are refused: AD never names an object that way, and
 * reading an unescaped {@code +} as part of the value would let {@code CN=a+b} and {@code CN=a\+b} name the same object.
 * A literal plus sign is written {@code \+}.
 * Core knows nothing of LDAP; the LDAP adapter converts to UnboundID's {@code DN} at its edge.
 */
public final class DistinguishedName {
  private static final String SPECIALS = ",+\"\\<>;=";
  private final List<Rdn> rdns;

  /**
   * One relative distinguished name.
   *
   * @param type the attribute type, e.g. {@code CN}
   * @param value the unescaped value
   */
  public record Rdn(String type, String value) {
    /** Validates the type. */
    public Rdn {
      if (type == null || !type.matches("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)*")) {
        throw new InvalidInputException("RDN attribute type", type, "expected a name like CN, OU or DC");
      }
      if (value == null) {
        throw new NullPointerException("value == null");
      }
    }

    @Override
    public String toString() {
      return type + "=" + escapeValue(value);
    }
  }

  private DistinguishedName(List<Rdn> rdns) {
    this.rdns = List.copyOf(rdns);
  }

  /**
   * Parses a distinguished name.
   *
   * @param text e.g. {@code CN=Doe\, Jane,OU=Users,DC=contoso,DC=com}
   * @return the parsed name
   * @throws InvalidInputException when the text is empty or not a valid RFC 4514 name; the message gives the position
   */
  public static DistinguishedName of(String text) {
    String what = "distinguished name";
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(what, text, "it is empty");
    }
    List<Rdn> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        throw new InvalidInputException(what, text, "expected '=' after the attribute type at position " + (i + 1));
      }
      String type = text.substring(i, eq).trim();
      if (type.isEmpty()) {
        throw new InvalidInputException(what, text, "empty attribute type at position " + (i + 1));
      }
      i = eq + 1;
      StringBuilder value = new StringBuilder();
      int lastSignificant = 0;
      boolean leading = true;
      while (i < n) {
        char c = text.charAt(i);
        if (c == ',' || c == ';') {
          break;
        }
        if (c == '\\') {
          if (i + 1 >= n) {
            throw new InvalidInputException(what, text, "a backslash at the end has nothing to escape");
          }
          char d = text.charAt(i + 1);
          if (isHex(d) && i + 2 < n && isHex(text.charAt(i + 2))) {
            // a run of \XX pairs is UTF-8
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            while (i + 2 < n && text.charAt(i) == '\\' && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
              bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
              i += 3;
            }
            value.append(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
          } else if (SPECIALS.indexOf(d) >= 0 || d == ' ' || d == '#') {
            value.append(d);
            i += 2;
          } else {
            throw new InvalidInputException(what, text, "'\\" + d + "' at position " + (i + 1) + " is not a valid escape");
          }
          lastSignificant = value.length();
          leading = false;
          continue;
        }
        if (c == '+') {
          throw new InvalidInputException(what, text, "multi-valued RDNs ('+' at position " + (i + 1) + ") are not supported; write a literal plus as '\\+'");
        }
        if (c == '"' || c == '<' || c == '>' || c == '=') {
          throw new InvalidInputException(what, text, "character '" + c + "' at position " + (i + 1) + " must be escaped");
        }
        if (c == ' ' && leading) {
          i++;
          continue;
        }
        if (c == '#' && leading) {
          throw new InvalidInputException(what, text, "hex-encoded values ('#…') are not supported, at position " + (i + 1));
        }
        value.append(c);
        leading = false;
        if (c != ' ') {
          lastSignificant = value.length();
        }
        i++;
      }
      value.setLength(lastSignificant);
      out.add(new Rdn(type, value.toString()));
      if (i < n) {
        i++; // skip separator
        if (i >= n) {
          throw new InvalidInputException(what, text, "it ends with a separator");
        }
      }
    }
    return new DistinguishedName(out);
  }

  /**
   * Builds a name from RDNs, most specific first.
   *
   * @param rdns the RDNs
   * @return the name
   */
  public static DistinguishedName of(List<Rdn> rdns) {
    if (rdns.isEmpty()) {
      throw new InvalidInputException("distinguished name", "", "it has no RDN");
    }
    return new DistinguishedName(rdns);
  }

  /**
   * Escapes a value for use inside an RDN per RFC 4514 (and as AD writes it).
   *
   * @param value any text
   * @return the escaped text
   */
  public static String escapeValue(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (SPECIALS.indexOf(c) >= 0 || (c == '#' && i == 0) || (c == ' ' && (i == 0 || i == value.length() - 1))) {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        sb.append('\\').append(String.format("%02X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** @return the RDNs, most specific first */
  public List<Rdn> rdns() {
    return rdns;
  }

  /** @return the first (most specific) RDN */
  public Rdn rdn() {
    return rdns.get(0);
  }

  /**
   * @return the parent name
   * @throws InvalidInputException when this name has a single RDN
   */
  public DistinguishedName parent() {
    if (rdns.size() < 2) {
      throw new InvalidInputException("distinguished name", toString(), "it has no parent");
    }
    return new DistinguishedName(rdns.subList(1, rdns.size()));
  }

  /**
   * Builds a child name; the value is escaped, so any text is safe.
   *
   * @param type the attribute type, e.g. {@code CN}
   * @param value the unescaped value
   * @return the child name
   */
  public DistinguishedName child(String type, String value) {
    List<Rdn> list = new ArrayList<>(rdns.size() + 1);
    list.add(new Rdn(type, value));
    list.addAll(rdns);
    return new DistinguishedName(list);
  }

  /**
   * Tells whether this name lies at or under another.
   *
   * @param ancestor the candidate ancestor
   * @return true when {@code ancestor}'s RDNs end this name's RDNs
   */
  public boolean isAtOrUnder(DistinguishedName ancestor) {
    int offset = rdns.size() - ancestor.rdns.size();
    if (offset < 0) {
      return false;
    }
    for (int i = 0; i < ancestor.rdns.size(); i++) {
      if (!normal(rdns.get(offset + i)).equals(normal(ancestor.rdns.get(i)))) {
        return false;
      }
    }
    return true;
  }

  private static String normal(Rdn rdn) {
    return rdn.type().toLowerCase(Locale.ROOT) + "=" + rdn.value().toLowerCase(Locale.ROOT);
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DistinguishedName other) || other.rdns.size() != rdns.size()) {
      return false;
    }
    for (int i = 0; i < rdns.size(); i++) {
      if (!normal(rdns.get(i)).equals(normal(other.rdns.get(i)))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (Rdn rdn : rdns) {
      h = 31 * h + normal(rdn).hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Rdn rdn : rdns) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(rdn);
    }
    return sb.toString();
  }
}
