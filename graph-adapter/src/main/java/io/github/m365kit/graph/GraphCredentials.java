package io.github.m365kit.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/**
 * Builds azure-identity credentials for {@link GraphBackend}. Every credential returned prints as its kind, tenant
 * and client id; secrets, certificate passwords and tokens never appear in {@code toString()}.
 *
 * <p>App-only (client secret, certificate, managed identity) needs the application permissions listed in the module
 * README; device code signs in a person and needs the matching delegated permissions and admin roles.
 */
public final class GraphCredentials {
  private GraphCredentials() {}

  /**
   * @param tenantId the tenant GUID
   * @param clientId the app (client) id
   * @param clientSecret the secret
   * @return a credential for the global cloud
   */
  public static TokenCredential clientSecret(String tenantId, String clientId, String clientSecret) {
    return clientSecret(tenantId, clientId, clientSecret, GraphCloud.GLOBAL);
  }

  /**
   * @param tenantId the tenant GUID
   * @param clientId the app (client) id
   * @param clientSecret the secret
   * @param cloud whose authority to use
   * @return a credential
   */
  public static TokenCredential clientSecret(String tenantId, String clientId, String clientSecret, GraphCloud cloud) {
    require(tenantId, "tenantId");
    require(clientId, "clientId");
    require(clientSecret, "clientSecret");
    TokenCredential c = new ClientSecretCredentialBuilder().tenantId(tenantId).clientId(clientId).clientSecret(clientSecret)
        .authorityHost(cloud.authorityHost().toString()).build();
    return new Named(c, "ClientSecretCredential[tenant=" + tenantId + ", client=" + clientId + ", secret=***]");
  }

  /**
   * @param tenantId the tenant GUID
   * @param clientId the app (client) id
   * @param certificate a PEM file (certificate and private key) or a PFX file
   * @param pfxPassword the PFX password; empty for PEM
   * @param cloud whose authority to use
   * @return a credential
   */
  public static TokenCredential certificate(String tenantId, String clientId, Path certificate, Optional<String> pfxPassword, GraphCloud cloud) {
    require(tenantId, "tenantId");
    require(clientId, "clientId");
    Objects.requireNonNull(certificate, "certificate == null");
    Objects.requireNonNull(pfxPassword, "pfxPassword == null");
    ClientCertificateCredentialBuilder b = new ClientCertificateCredentialBuilder().tenantId(tenantId).clientId(clientId)
        .authorityHost(cloud.authorityHost().toString());
    if (pfxPassword.isPresent()) {
      b.pfxCertificate(certificate.toString()).clientCertificatePassword(pfxPassword.get());
    } else {
      b.pemCertificate(certificate.toString());
    }
    return new Named(b.build(), "ClientCertificateCredential[tenant=" + tenantId + ", client=" + clientId
        + ", certificate=" + certificate.getFileName() + (pfxPassword.isPresent() ? ", password=***" : "") + "]");
  }

  /**
   * @param userAssignedClientId the client id of a user-assigned identity; empty for the system-assigned one
   * @return a credential for the managed identity of the Azure resource this runs on
   */
  public static TokenCredential managedIdentity(Optional<String> userAssignedClientId) {
    Objects.requireNonNull(userAssignedClientId, "userAssignedClientId == null");
    ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder();
    userAssignedClientId.ifPresent(b::clientId);
    return new Named(b.build(), "ManagedIdentityCredential[client=" + userAssignedClientId.orElse("system-assigned") + "]");
  }

  /**
   * @param tenantId the tenant GUID
   * @param clientId a public-client app id
   * @param prompt receives the message telling the person which code to enter where
   * @param cloud whose authority to use
   * @return a delegated credential
   */
  public static TokenCredential deviceCode(String tenantId, String clientId, Consumer<String> prompt, GraphCloud cloud) {
    require(tenantId, "tenantId");
    require(clientId, "clientId");
    Objects.requireNonNull(prompt, "prompt == null");
    TokenCredential c = new DeviceCodeCredentialBuilder().tenantId(tenantId).clientId(clientId)
        .authorityHost(cloud.authorityHost().toString())
        .challengeConsumer(challenge -> prompt.accept(challenge.getMessage())).build();
    return new Named(c, "DeviceCodeCredential[tenant=" + tenantId + ", client=" + clientId + "]");
  }

  private static void require(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }

  /** Delegates to a credential and prints a safe description. */
  private static final class Named implements TokenCredential {
    private final TokenCredential delegate;
    private final String description;

    Named(TokenCredential delegate, String description) {
      this.delegate = delegate;
      this.description = description;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      return delegate.getToken(request);
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
      return delegate.getTokenSync(request);
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
