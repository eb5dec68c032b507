package org.hotlinehub.connectors.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Caller;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a single sign-on identity (OIDC authorization code flow) into a hub staff member: the provider's roles or
 * groups become operator, supervisor or admin as hub.sso.* maps them, and nothing else survives — a provider role
 * that happens to be called "partner" or "open311" grants nothing. Password and API-key identities pass untouched.
 */
@ApplicationScoped
public class SingleSignOnRoles implements SecurityIdentityAugmentor {

    /** Attribute marking an identity that signed in through the OIDC provider. */
    public static final String SSO_ATTRIBUTE = "sso";

    @Inject
    HubConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getCredential(IdTokenCredential.class) == null) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute("kind", Caller.Kind.USER.name())
                .addAttribute(SSO_ATTRIBUTE, Boolean.TRUE)
                .addRoles(staffRoles(identity.getRoles(), config.sso()))
                .build());
    }

    /** The hub roles the provider's roles grant. */
    static Set<String> staffRoles(Set<String> providerRoles, HubConfig.Sso mapping) {
        Set<String> roles = new HashSet<>();
        grant(roles, providerRoles, mapping.operatorRoles(), Caller.OPERATOR);
        grant(roles, providerRoles, mapping.supervisorRoles(), Caller.SUPERVISOR);
        grant(roles, providerRoles, mapping.adminRoles(), Caller.ADMIN);
        return roles;
    }

    private static void grant(Set<String> roles, Set<String> providerRoles, List<String> mapped, String role) {
        if (mapped.stream().anyMatch(providerRoles::contains)) {
            roles.add(role);
        }
    }

    static boolean signedInBySso(SecurityIdentity identity) {
        return Boolean.TRUE.equals(identity.getAttribute(SSO_ATTRIBUTE));
    }
}
