package io.github.m365kit.group;

/** The kinds of shared address {@link GroupTypeAdvisor} chooses between. */
public enum GroupKind {
    /** An Exchange distribution list: mail is copied to every member's own mailbox. */
    DISTRIBUTION_LIST,
    /** A Microsoft 365 group: a group mailbox plus calendar, files and optional Teams. */
    MICROSOFT_365_GROUP,
    /** A shared mailbox: one mailbox that members open with delegated access. */
    SHARED_MAILBOX
}
