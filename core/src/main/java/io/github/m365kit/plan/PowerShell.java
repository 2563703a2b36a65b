package io.github.m365kit.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders PowerShell commands for an admin to review or run. Every value is a single-quoted string with its quotes
 * doubled (including the typographic single quotes PowerShell also treats as quotes), so no user input can end the
 * string, expand a variable ({@code $(...)}) or start a new statement ({@code ;}). Numbers, booleans and
 * {@code $null} are rendered from typed values only. Immutable and thread-safe.
 */
public final class PowerShell {
  private final String cmdlet;
  private final List<String> parts;

  private PowerShell(String cmdlet, List<String> parts) {
    this.cmdlet = cmdlet;
    this.parts = parts;
  }

  /**
   * Starts a command.
   *
   * @param cmdlet a cmdlet name such as {@code Set-Mailbox}; must be Verb-Noun letters only
   * @return the command
   */
  public static PowerShell command(String cmdlet) {
    if (!cmdlet.matches("[A-Za-z]+-[A-Za-z0-9]+")) {
      throw new IllegalArgumentException("cmdlet must look like Verb-Noun: " + cmdlet);
    }
    return new PowerShell(cmdlet, List.of());
  }

  /**
   * Quotes a string for PowerShell: single quotes, with every single-quote character doubled.
   *
   * @param value any text
   * @return the quoted literal
   */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      sb.append(c);
      // PowerShell treats U+2018, U+2019, U+201A and U+201B as single quotes too.
      if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
        sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }

  private PowerShell with(String part) {
    List<String> next = new ArrayList<>(parts);
    next.add(part);
    return new PowerShell(cmdlet, List.copyOf(next));
  }

  private static String checkName(String name) {
    if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
      throw new IllegalArgumentException("parameter name must be letters and digits: " + name);
    }
    return name;
  }

  /**
   * @param name parameter name without the dash
   * @param value a string value, quoted
   * @return the command with the parameter
   */
  public PowerShell param(String name, String value) {
    return with("-" + checkName(name) + " " + quote(value));
  }

  /**
   * @param name parameter name
   * @param value a number
   * @return the command with the parameter
   */
  public PowerShell param(String name, long value) {
    return with("-" + checkName(name) + " " + value);
  }

  /**
   * @param name parameter name
   * @param value a boolean, rendered {@code $true}/{@code $false}
   * @return the command with the parameter
   */
  public PowerShell param(String name, boolean value) {
    return with("-" + checkName(name) + " " + (value ? "$true" : "$false"));
  }

  /**
   * @param name a switch parameter, e.g. {@code AllowBasicAuthImap}
   * @param value rendered as the bare switch when true and {@code -Name:$false} when false
   * @return the command with the switch
   */
  public PowerShell switchParam(String name, boolean value) {
    return with("-" + checkName(name) + (value ? "" : ":$false"));
  }

  /**
   * @param name parameter name
   * @return the command with {@code -Name $null}
   */
  public PowerShell nullParam(String name) {
    return with("-" + checkName(name) + " $null");
  }

  /**
   * @param name parameter name
   * @param rawExpression a fixed PowerShell expression written by m365kit itself, never user input,
   *     e.g. {@code ([System.DateTime]::UtcNow)}
   * @return the command with the parameter
   */
  public PowerShell expressionParam(String name, String rawExpression) {
    return with("-" + checkName(name) + " " + rawExpression);
  }

  /**
   * @param name parameter name
   * @param values strings, each quoted, joined with commas
   * @return the command with the parameter
   */
  public PowerShell listParam(String name, List<String> values) {
    List<String> q = new ArrayList<>();
    for (String v : values) {
      q.add(quote(v));
    }
    return with("-" + checkName(name) + " " + String.join(",", q));
  }

  /**
   * A hashtable of attribute names to numbers, as {@code Set-ADUser -Replace @{a=1;b=2}}.
   *
   * @param name parameter name
   * @param values attribute names (letters and digits) to numbers
   * @return the command with the parameter
   */
  public PowerShell numberTableParam(String name, Map<String, Long> values) {
    List<String> entries = new ArrayList<>();
    values.forEach((k, v) -> entries.add(checkName(k) + "=" + v));
    return with("-" + checkName(name) + " @{" + String.join(";", entries) + "}");
  }

  @Override
  public String toString() {
    return parts.isEmpty() ? cmdlet : cmdlet + " " + String.join(" ", parts);
  }
}
