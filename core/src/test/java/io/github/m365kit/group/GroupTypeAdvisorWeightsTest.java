package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The advisor's published scores per need and the settings and notes that depend on the recommendation. */
class GroupTypeAdvisorWeightsTest {

    @ParameterizedTest
    @CsvSource({
        // need, distribution list, Microsoft 365 group, shared mailbox
        "SENDER_GETS_OWN_COPY, 2, 1, 0",
        "CUSTOM_FOLDERS, 1, -3, 3",
        "MEMBERS_SEE_MEETING_RESPONSES, 2, -2, 1",
        "SHARED_MAILBOX_ACCESS, -3, 0, 3",
        "DYNAMIC_MEMBERSHIP, 0, 3, -3",
        "EXTERNAL_SENDERS, 1, 0, 1",
    })
    void eachNeed_weighsTheThreeKindsAsDocumentedInItsReason(GroupNeed need, int dl, int m365, int shared) {
        GroupTypeAdvice a = GroupTypeAdvisor.advise(Set.of(need), "x@contoso.com");
        assertThat(a.scores()).isEqualTo(Map.of(GroupKind.DISTRIBUTION_LIST, dl, GroupKind.MICROSOFT_365_GROUP, m365,
                GroupKind.SHARED_MAILBOX, shared));
        assertThat(a.reasons()).hasSize(1);
    }

    @Test
    void microsoft365Group_withMeetingResponses_carriesTheUnconfirmedNote() {
        GroupTypeAdvice a = GroupTypeAdvisor.advise(EnumSet.of(GroupNeed.DYNAMIC_MEMBERSHIP, GroupNeed.SENDER_GETS_OWN_COPY,
                GroupNeed.MEMBERS_SEE_MEETING_RESPONSES, GroupNeed.SHARED_MAILBOX_ACCESS), "team@contoso.com");
        assertThat(a.recommendation()).isEqualTo(GroupKind.MICROSOFT_365_GROUP);
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).startsWith("UNCONFIRMED: meeting responses"));
    }

    @Test
    void microsoft365Group_withoutMeetingResponses_hasNoMeetingNote() {
        GroupTypeAdvice a = GroupTypeAdvisor.advise(EnumSet.of(GroupNeed.DYNAMIC_MEMBERSHIP), "team@contoso.com");
        assertThat(a.recommendation()).isEqualTo(GroupKind.MICROSOFT_365_GROUP);
        assertThat(a.notes()).noneSatisfy(n -> assertThat(n).contains("meeting responses"));
        assertThat(a.settings()).extracting(GroupTypeAdvice.Setting::powerShell)
                .noneSatisfy(s -> assertThat(s).contains("RequireSenderAuthenticationEnabled"));
    }

    @Test
    void distributionList_forExternalSenders_getsTheDistributionGroupSetting() {
        GroupTypeAdvice a = GroupTypeAdvisor.advise(EnumSet.of(GroupNeed.EXTERNAL_SENDERS), "sales@contoso.com");
        assertThat(a.recommendation()).isEqualTo(GroupKind.DISTRIBUTION_LIST);
        assertThat(a.settings()).singleElement().satisfies(s -> {
            assertThat(s.powerShell()).isEqualTo("Set-DistributionGroup -Identity 'sales@contoso.com' -RequireSenderAuthenticationEnabled $false");
            assertThat(s.confirmed()).isFalse();
        });
    }

    @Test
    void sharedMailbox_forExternalSenders_needsNoSetting() {
        GroupTypeAdvice a = GroupTypeAdvisor.advise(EnumSet.of(GroupNeed.EXTERNAL_SENDERS, GroupNeed.SHARED_MAILBOX_ACCESS), "help@contoso.com");
        assertThat(a.recommendation()).isEqualTo(GroupKind.SHARED_MAILBOX);
        assertThat(a.settings()).isEmpty();
    }

    @Test
    void distributionList_withoutExternalSenders_needsNoSetting() {
        assertThat(GroupTypeAdvisor.advise(EnumSet.of(GroupNeed.SENDER_GETS_OWN_COPY), "x@contoso.com").settings()).isEmpty();
    }
}
