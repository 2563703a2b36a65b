package io.github.m365kit.group;

/** Renders PowerShell literals. */
final class PowerShell {

    private PowerShell() {
    }

    /**
     * Single-quotes a string for PowerShell: a verbatim string in which only quote characters are special. PowerShell
     * treats the typographic single quotes U+2018 to U+201B as quotes too, so those are doubled as well.
     */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || (c >= '\u2018' && c <= '\u201B')) {
                sb.append(c);
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }
}
