package io.github.m365kit.group;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The recommendation of {@link GroupTypeAdvisor}: which kind of address to use, why, and which settings soften the
 * gotchas of that choice.
 *
 * @param recommendation the suggested kind
 * @param scores the score of every kind (higher is better), for transparency
 * @param reasons why, one line per stated need, each naming the kind it applies to
 * @param settings PowerShell commands that soften a gotcha of the recommended kind
 * @param notes further advice, such as how to see all of a group's folders in Outlook on the web
 */
public record GroupTypeAdvice(GroupKind recommendation, Map<GroupKind, Integer> scores, List<String> reasons,
                              List<Setting> settings, List<String> notes) {

    /**
     * A setting that softens a gotcha.
     *
     * @param gotcha the behaviour it addresses
     * @param powerShell the command, with identities safely single-quoted
     * @param confirmed false when the behaviour or the command's effect is not confirmed by a Microsoft source
     */
    public record Setting(String gotcha, String powerShell, boolean confirmed) {
        /**
         * Creates a setting.
         *
         * @param gotcha not null
         * @param powerShell not null
         * @param confirmed whether a Microsoft source confirms it
         */
        public Setting {
            Objects.requireNonNull(gotcha, "gotcha == null");
            Objects.requireNonNull(powerShell, "powerShell == null");
        }
    }

    /**
     * Creates advice.
     *
     * @param recommendation not null
     * @param scores copied
     * @param reasons copied
     * @param settings copied
     * @param notes copied
     */
    public GroupTypeAdvice {
        Objects.requireNonNull(recommendation, "recommendation == null");
        scores = Map.copyOf(scores);
        reasons = List.copyOf(reasons);
        settings = List.copyOf(settings);
        notes = List.copyOf(notes);
    }

    /**
     * Renders the advice as plain text for a console or a ticket.
     *
     * @return the text; unconfirmed settings are marked UNCONFIRMED
     */
    public String render() {
        StringBuilder sb = new StringBuilder("Recommended: ").append(recommendation).append('\n');
        reasons.forEach(r -> sb.append("  - ").append(r).append('\n'));
        if (!settings.isEmpty()) {
            sb.append("Settings:\n");
            for (Setting s : settings) {
                sb.append("  # ").append(s.gotcha()).append(s.confirmed() ? "" : " (UNCONFIRMED)").append('\n')
                        .append("  ").append(s.powerShell()).append('\n');
            }
        }
        notes.forEach(n -> sb.append("Note: ").append(n).append('\n'));
        return sb.toString();
    }
}
