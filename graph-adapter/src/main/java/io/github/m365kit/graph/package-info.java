/**
 * The cloud backend of m365kit: Entra ID users, licenses and sign-in logs through the Microsoft Graph Java SDK v6,
 * and Exchange Online mailboxes and authentication policies through the Exchange admin REST {@code InvokeCommand}
 * endpoint.
 *
 * <p>Start with {@link io.github.m365kit.graph.GraphBackend#create(com.azure.core.credential.TokenCredential, String)};
 * build the credential with {@link io.github.m365kit.graph.GraphCredentials}. All errors are translated into
 * {@link io.github.m365kit.M365KitException} subtypes. Nothing here accepts or returns null unless a method says so.
 */
package io.github.m365kit.graph;
