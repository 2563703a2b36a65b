package io.github.m365kit.group;

/** What the people using a shared address need; the input to {@link GroupTypeAdvisor}. */
public enum GroupNeed {
    /** A member who sends to the address expects a copy of their own message, as with a distribution list. */
    SENDER_GETS_OWN_COPY,
    /** Members file the shared mail into custom folders. */
    CUSTOM_FOLDERS,
    /** Members should all see responses to meetings sent on behalf of the address. */
    MEMBERS_SEE_MEETING_RESPONSES,
    /** Members open the address like a mailbox (read, file, reply from it). */
    SHARED_MAILBOX_ACCESS,
    /** Membership should follow directory attributes automatically. */
    DYNAMIC_MEMBERSHIP,
    /** People outside the organisation send to the address. */
    EXTERNAL_SENDERS
}
