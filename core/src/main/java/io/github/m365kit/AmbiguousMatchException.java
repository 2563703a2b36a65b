package io.github.m365kit;

import java.util.List;

/**
 * A look-up that must find one object found several, e.g. two Active Directory users carrying the same mail
 * address. m365kit never guesses which one was meant; nothing was changed.
 */
public class AmbiguousMatchException extends M365KitException {
  private static final long serialVersionUID = 1L;
  private final List<String> matches;

  /**
   * Creates the exception.
   *
   * @param query what was looked up
   * @param matches the objects that matched (their distinguished names or ids)
   */
  public AmbiguousMatchException(String query, List<String> matches) {
    super(query + " matches " + matches.size() + " objects, expected one: " + matches);
    this.matches = List.copyOf(matches);
  }

  /** @return the objects that matched */
  public List<String> matches() {
    return matches;
  }
}
