/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.security.Principal;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.accounts.api.AuthService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Authenticates every request except the few public ones (login, health, the OpenAPI document)
 * from its Bearer token or API key, and hands the caller to resources via the security context.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
public class AuthFilter implements ContainerRequestFilter {

    /** What a station shows on its own web site (now playing, song requests): for anyone. */
    static final String PUBLIC_PREFIX = "public/";

    static final Set<String> PUBLIC_PATHS =
            Set.of("auth/login", "auth/login/two-factor", "auth/password-policy", "health", "openapi.json");

    /** All an account may reach while the policy asks it to set up two-factor authentication first. */
    static final Set<String> TWO_FACTOR_SETUP_PATHS =
            Set.of("me", "me/two-factor", "me/two-factor/confirm", "auth/logout", "events");

    private final AuthService auth;
    private final ClientAddress addresses;

    @Context
    private HttpServletRequest request;

    @Activate
    public AuthFilter(final @Reference AuthService auth, final @Reference ClientAddress addresses) {
        this.auth = auth;
        this.addresses = addresses;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (PUBLIC_PATHS.contains(path)
                || (path.startsWith(PUBLIC_PREFIX)
                        && ("GET".equals(context.getMethod())
                                || ("POST".equals(context.getMethod()) && path.endsWith("/requests"))))
                || "OPTIONS".equals(context.getMethod())) {
            return;
        }
        String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw CastPanelException.unauthenticated("log in first: send Authorization: Bearer <token or API key>");
        }
        String bearer = header.substring(7).strip();
        Caller caller = auth.authenticate(bearer, addresses.of(request));
        if (caller.twoFactorSetupRequired() && !TWO_FACTOR_SETUP_PATHS.contains(path)) {
            throw new CastPanelException(
                    CastPanelException.Kind.FORBIDDEN,
                    "two_factor_required",
                    "your role must use two-factor authentication: set it up first (POST /me/two-factor)",
                    null);
        }
        boolean secure = context.getSecurityContext().isSecure();
        CallerPrincipal principal = new CallerPrincipal(caller, bearer);
        context.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.type().name().equalsIgnoreCase(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }

    /** The caller of an authenticated request; resources call this first. */
    static Caller caller(SecurityContext security) {
        if (security == null || !(security.getUserPrincipal() instanceof CallerPrincipal principal)) {
            throw CastPanelException.unauthenticated("log in first: send Authorization: Bearer <token or API key>");
        }
        return principal.caller();
    }

    static String bearer(SecurityContext security) {
        return security.getUserPrincipal() instanceof CallerPrincipal principal ? principal.bearer() : null;
    }
}
