package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupTypeAdvisorTest {

    @Test
    void advise_whenNoNeeds_recommendsDistributionList() {
        assertThat(GroupTypeAdvisor.advise(Set.of(), "team@contoso.com").recommendation())
                .isEqualTo(GroupKind.DISTRIBUTION_LIST);
    }

    @Test
    void advise_whenCustomFoldersAndMailboxAccess_recommendsSharedMailbox() {
        GroupTypeAdvice a = GroupTypeAdvisor.advise(EnumSet.of(GroupNeed.CUSTOM_FOLDERS,
                GroupNeed.SHARED_MAILBOX_ACCESS), "support@contoso.com");
        assertThat(a.recommendation()).isEqualTo(GroupKind.SHARED_MAILBOX);
        assertThat(a.reasons()).anySatisfy(r -> assertThat(r).contains("folders"));
        assertThat(a.settings()).isEmpty();
    }

    @Test
    void advise_whenSenderCopyAndMeetingResponses_recommendsDistributionList() {
        GroupTypeAdvice a = GroupTypeAdvisor.advise(EnumSet.of(GroupNeed.SENDER_GETS_OWN_COPY,
                GroupNeed.MEMBERS_SEE_MEETING_RESPONSES), "team@contoso.com");
        assertThat(a.recommendation()).isEqualTo(GroupKind.DISTRIBUTION_LIST);
        assertThat(a.reasons()).anySatisfy(r -> assertThat(r).contains("UNCONFIRMED"));
    }

    @Test
    void advise_whenDynamicMembershipAndSenderCopy_recommendsGroupWithEchoSetting() {
        GroupTypeAdvice a = GroupTypeAdvisor.advise(EnumSet.of(GroupNeed.DYNAMIC_MEMBERSHIP,
                GroupNeed.SENDER_GETS_OWN_COPY, GroupNeed.EXTERNAL_SENDERS), "fin'ance@contoso.com");
        assertThat(a.recommendation()).isEqualTo(GroupKind.MICROSOFT_365_GROUP);
        assertThat(a.settings()).extracting(GroupTypeAdvice.Setting::powerShell)
                .contains("Set-UnifiedGroup -Identity 'fin''ance@contoso.com' -AutoSubscribeNewMembers")
                .anySatisfy(s -> assertThat(s).contains("-EchoGroupMessageBackToSubscribedSender $true"));
        assertThat(a.settings()).filteredOn(s -> !s.confirmed()).singleElement()
                .satisfies(s -> assertThat(s.powerShell()).contains("RequireSenderAuthenticationEnabled $false"));
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).contains("Add shared folder"));
        String text = a.render();
        assertThat(text).startsWith("Recommended: MICROSOFT_365_GROUP").contains("(UNCONFIRMED)");
    }

    @Test
    void advise_whenDistributionListWithDynamicNeed_explainsEntraRulesDoNotApply() {
        GroupTypeAdvice a = GroupTypeAdvisor.advise(EnumSet.of(GroupNeed.DYNAMIC_MEMBERSHIP,
                GroupNeed.SENDER_GETS_OWN_COPY, GroupNeed.MEMBERS_SEE_MEETING_RESPONSES), "x@contoso.com");
        assertThat(a.recommendation()).isEqualTo(GroupKind.DISTRIBUTION_LIST);
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).contains("not to distribution lists"));
    }

    @Test
    void render_givesRecommendationReasonsSettingsAndNotes_inThatOrder() {
        GroupTypeAdvice a = new GroupTypeAdvice(GroupKind.SHARED_MAILBOX, Map.of(), List.of("folders are needed", "one inbox for a team"),
                List.of(new GroupTypeAdvice.Setting("members must see the folders", "Add-MailboxPermission -Identity 'x' -AccessRights FullAccess", true),
                        new GroupTypeAdvice.Setting("maybe", "Set-Mailbox -Identity 'x' -Y", false)),
                List.of("no license needed under 50 GB"));
        assertThat(a.render()).isEqualTo("""
                Recommended: SHARED_MAILBOX
                  - folders are needed
                  - one inbox for a team
                Settings:
                  # members must see the folders
                  Add-MailboxPermission -Identity 'x' -AccessRights FullAccess
                  # maybe (UNCONFIRMED)
                  Set-Mailbox -Identity 'x' -Y
                Note: no license needed under 50 GB
                """);
    }

    @Test
    void quote_whenValueHasSingleAndTypographicQuotes_doublesThem() {
        assertThat(io.github.m365kit.plan.PowerShell.quote("it's \u2019ok\u2018 $x `y")).isEqualTo("'it''s \u2019\u2019ok\u2018\u2018 $x `y'");
        assertThat(io.github.m365kit.plan.PowerShell.quote("")).isEqualTo("''");
    }
}
