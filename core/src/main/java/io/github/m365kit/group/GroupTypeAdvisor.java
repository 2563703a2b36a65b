package io.github.m365kit.group;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Recommends a distribution list, a Microsoft 365 group or a shared mailbox from what the users need, with the
 * settings that soften each gotcha.
 *
 * <p>The behaviours it weighs:
 * <ul>
 *   <li>A member who sends to a Microsoft 365 group does not get their own message by default;
 *       {@code Set-MailboxMessageConfiguration -EchoGroupMessageBackToSubscribedSender $true} changes that per
 *       subscribed member.</li>
 *   <li>A group mailbox cannot have custom folders (reported by administrators; no Microsoft page was found).</li>
 *   <li>Members of a distribution list all see meeting responses sent to it; for a Microsoft 365 group the
 *       responses reportedly go straight to the group's Deleted Items (UNCONFIRMED).</li>
 *   <li>A group cannot be opened as another mailbox; in Outlook on the web, "Add shared folder" with the group's
 *       address shows all its folders.</li>
 *   <li>Dynamic membership fits Microsoft 365 groups (Entra ID rules); exceptions make rules messy, see
 *       {@link GroupMembershipRuleBuilder}.</li>
 *   <li>Members of a Microsoft 365 group get conversations in their inbox only when subscribed:
 *       {@code Set-UnifiedGroup -AutoSubscribeNewMembers} (new members only) and
 *       {@code -AlwaysSubscribeMembersToCalendarEvents}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class GroupTypeAdvisor {

    private static final String OWA_FOLDERS = "To see all of a Microsoft 365 group's mailbox folders, not just its"
            + " inbox: in Outlook on the web right-click 'Folders' (new Outlook) or your mailbox name (classic),"
            + " choose 'Add shared folder' and enter the group's address. Opening the group as another mailbox"
            + " fails.";

    private GroupTypeAdvisor() {
    }

    /**
     * Recommends a kind of address.
     *
     * @param needs the stated needs; may be empty (a distribution list is then the simplest choice)
     * @param address the address or identity of the group, used in the PowerShell commands
     * @return the advice
     */
    public static GroupTypeAdvice advise(Set<GroupNeed> needs, String address) {
        Objects.requireNonNull(needs, "needs == null");
        Objects.requireNonNull(address, "address == null");
        Map<GroupKind, Integer> score = new EnumMap<>(GroupKind.class);
        for (GroupKind k : GroupKind.values()) {
            score.put(k, 0);
        }
        List<String> reasons = new ArrayList<>();
        for (GroupNeed need : GroupNeed.values()) {
            if (needs.contains(need)) {
                weigh(need, score, reasons);
            }
        }
        GroupKind best = GroupKind.DISTRIBUTION_LIST;
        for (GroupKind k : GroupKind.values()) {
            if (score.get(k) > score.get(best)) {
                best = k;
            }
        }
        List<GroupTypeAdvice.Setting> settings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String q = io.github.m365kit.plan.PowerShell.quote(address);
        if (best == GroupKind.MICROSOFT_365_GROUP) {
            settings.add(new GroupTypeAdvice.Setting("members get group conversations and events in their inbox,"
                    + " as with a distribution list (applies to members added after this is set)",
                    "Set-UnifiedGroup -Identity " + q + " -AutoSubscribeNewMembers", true));
            settings.add(new GroupTypeAdvice.Setting("new members also get calendar events (ReplyAndEvents)",
                    "Set-UnifiedGroup -Identity " + q + " -AlwaysSubscribeMembersToCalendarEvents", true));
            if (needs.contains(GroupNeed.SENDER_GETS_OWN_COPY)) {
                settings.add(new GroupTypeAdvice.Setting("a sender gets a copy of their own message to the group"
                        + " (per subscribed member)", "Get-UnifiedGroupLinks -Identity " + q + " -LinkType Members"
                        + " | ForEach-Object { Set-MailboxMessageConfiguration -Identity $_.PrimarySmtpAddress"
                        + " -EchoGroupMessageBackToSubscribedSender $true }", true));
            }
            if (needs.contains(GroupNeed.EXTERNAL_SENDERS)) {
                settings.add(new GroupTypeAdvice.Setting("accept mail from senders outside the organisation",
                        "Set-UnifiedGroup -Identity " + q + " -RequireSenderAuthenticationEnabled $false", false));
            }
            notes.add(OWA_FOLDERS);
            if (needs.contains(GroupNeed.MEMBERS_SEE_MEETING_RESPONSES)) {
                notes.add("UNCONFIRMED: meeting responses sent to a Microsoft 365 group are reported to go to the"
                        + " group's Deleted Items, so members do not see them.");
            }
            notes.add("The 'Send copies of group conversations and events to group members' inboxes' option"
                    + " (-SubscriptionEnabled) can only be turned off after -AutoSubscribeNewMembers is $false.");
        } else if (best == GroupKind.DISTRIBUTION_LIST && needs.contains(GroupNeed.EXTERNAL_SENDERS)) {
            settings.add(new GroupTypeAdvice.Setting("accept mail from senders outside the organisation",
                    "Set-DistributionGroup -Identity " + q + " -RequireSenderAuthenticationEnabled $false", false));
        }
        if (best == GroupKind.DISTRIBUTION_LIST && needs.contains(GroupNeed.DYNAMIC_MEMBERSHIP)) {
            notes.add("Entra ID dynamic membership rules apply to Microsoft 365 and security groups, not to"
                    + " distribution lists.");
        }
        return new GroupTypeAdvice(best, score, reasons, settings, notes);
    }

    private static void weigh(GroupNeed need, Map<GroupKind, Integer> score, List<String> reasons) {
        switch (need) {
            case SENDER_GETS_OWN_COPY:
                add(score, 2, 1, 0);
                reasons.add("sender gets own copy: a distribution list delivers to the sender like any member; a"
                        + " Microsoft 365 group does not by default (EchoGroupMessageBackToSubscribedSender softens"
                        + " it per member)");
                break;
            case CUSTOM_FOLDERS:
                add(score, 1, -3, 3);
                reasons.add("custom folders: a shared mailbox supports them; a Microsoft 365 group mailbox cannot"
                        + " have folders created in it (reported by administrators, no Microsoft page found);"
                        + " distribution-list members file copies in their own mailboxes");
                break;
            case MEMBERS_SEE_MEETING_RESPONSES:
                add(score, 2, -2, 1);
                reasons.add("meeting responses: every distribution-list member sees them; a Microsoft 365 group"
                        + " reportedly moves them to Deleted Items (UNCONFIRMED); a shared mailbox keeps them where"
                        + " members can open them");
                break;
            case SHARED_MAILBOX_ACCESS:
                add(score, -3, 0, 3);
                reasons.add("mailbox-style access: a shared mailbox is opened like a mailbox; a Microsoft 365"
                        + " group only via 'Add shared folder' in Outlook on the web; a distribution list has no"
                        + " mailbox");
                break;
            case DYNAMIC_MEMBERSHIP:
                add(score, 0, 3, -3);
                reasons.add("dynamic membership: a Microsoft 365 group can use an Entra ID dynamic membership rule"
                        + " (Entra ID P1 per member); exceptions to the rule are harder, use -in lists");
                break;
            case EXTERNAL_SENDERS:
            default:
                add(score, 1, 0, 1);
                reasons.add("external senders: a shared mailbox receives them; lists and groups need"
                        + " RequireSenderAuthenticationEnabled set to $false (UNCONFIRMED in this project's"
                        + " sources)");
                break;
        }
    }

    private static void add(Map<GroupKind, Integer> score, int dl, int m365, int shared) {
        score.merge(GroupKind.DISTRIBUTION_LIST, dl, Integer::sum);
        score.merge(GroupKind.MICROSOFT_365_GROUP, m365, Integer::sum);
        score.merge(GroupKind.SHARED_MAILBOX, shared, Integer::sum);
    }
}
