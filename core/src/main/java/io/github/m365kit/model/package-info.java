/**
 * The values m365kit speaks: validated identities ({@link io.github.m365kit.model.Upn},
 * {@link io.github.m365kit.model.SmtpAddress}, {@link io.github.m365kit.model.SamAccountName},
 * {@link io.github.m365kit.model.DistinguishedName}, {@link io.github.m365kit.model.ObjectId}), Exchange recipient
 * numbers that keep unknown values, and the facts about users and mailboxes on both sides of a hybrid org.
 *
 * <p>All values are immutable and thread-safe; nothing accepts null unless documented.
 */
package io.github.m365kit.model;
