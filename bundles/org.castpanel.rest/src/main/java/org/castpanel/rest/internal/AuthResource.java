/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.accounts.api.AuthService;
import org.castpanel.accounts.api.PasswordRules;
import org.castpanel.accounts.api.Session;
import org.castpanel.core.api.CastPanelException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Logging in and out. Login is public; everything else needs the token it returns. */
@Component(service = AuthResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** Credentials for {@code POST /auth/login}. */
    public record LoginRequest(String username, String password) {}

    /** The second step for {@code POST /auth/login/two-factor}: the challenge and a code (or a recovery code). */
    public record SecondStep(String challenge, String code) {}

    private final AuthService auth;
    private final ClientAddress addresses;

    @Activate
    public AuthResource(final @Reference AuthService auth, final @Reference ClientAddress addresses) {
        this.auth = auth;
        this.addresses = addresses;
    }

    @POST
    @Path("login")
    public Session login(LoginRequest login, @Context HttpServletRequest request) {
        if (login == null) {
            throw CastPanelException.badRequest(null, "send {\"username\": …, \"password\": …}");
        }
        return auth.login(login.username(), login.password(), addresses.of(request));
    }

    /**
     * Completes a login whose answer had a {@code challenge} instead of a token (two-factor
     * authentication on): with the current code of the authenticator app, or a recovery code.
     */
    @POST
    @Path("login/two-factor")
    public Session secondStep(SecondStep step, @Context HttpServletRequest request) {
        if (step == null || step.challenge() == null || step.code() == null) {
            throw CastPanelException.invalid(
                    step == null || step.challenge() == null ? "challenge" : "code",
                    "send the challenge from the login answer and the code from your app");
        }
        return auth.completeLogin(step.challenge(), step.code(), addresses.of(request));
    }

    /** What a new password must be (no login needed: the forms show it). */
    @GET
    @Path("password-policy")
    public PasswordRules passwordPolicy() {
        return auth.passwordRules();
    }

    /** Ends the session of the token used for this call (an API key has no session to end). */
    @POST
    @Path("logout")
    public void logout(@Context SecurityContext security) {
        AuthFilter.caller(security);
        auth.logout(AuthFilter.bearer(security));
    }
}
