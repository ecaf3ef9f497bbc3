/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.accounts.api.Account;
import org.castpanel.accounts.api.AccountService;
import org.castpanel.accounts.api.AuthService;
import org.castpanel.accounts.api.TwoFactorSetup;
import org.castpanel.core.api.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The calling account: who am I, and my own profile. */
@Component(service = MeResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    /**
     * The caller's account, and who is logged in as it, if anyone; {@code twoFactorSetupRequired}
     * when the policy asks this role for two-factor authentication and it has none yet.
     */
    public record Me(
            Account account,
            Long impersonatorId,
            boolean reseller,
            boolean subResellersAllowed,
            boolean twoFactorSetupRequired) {}

    /** Body of the two-factor calls that need the current password. */
    public record PasswordConfirmation(String currentPassword) {}

    /** Body of {@code POST /me/two-factor/confirm}. */
    public record TwoFactorCode(String code) {}

    /** The recovery codes, shown once. */
    public record RecoveryCodes(List<String> recoveryCodes) {}

    private final AccountService accounts;
    private final AuthService auth;

    @Activate
    public MeResource(final @Reference AccountService accounts, final @Reference AuthService auth) {
        this.accounts = accounts;
        this.auth = auth;
    }

    @GET
    public Me me(@Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        return new Me(
                accounts.get(caller, caller.accountId()),
                caller.impersonatorId(),
                caller.reseller(),
                caller.subResellersAllowed(),
                caller.twoFactorSetupRequired());
    }

    /** Starts setting up two-factor authentication: the secret for the authenticator app (not on until confirmed). */
    @POST
    @Path("two-factor")
    public TwoFactorSetup beginTwoFactor(PasswordConfirmation body, @Context SecurityContext security) {
        return auth.beginTwoFactor(AuthFilter.caller(security), body == null ? null : body.currentPassword());
    }

    /** Turns two-factor authentication on with the app's current code; the answer's recovery codes are shown once. */
    @POST
    @Path("two-factor/confirm")
    public RecoveryCodes confirmTwoFactor(TwoFactorCode body, @Context SecurityContext security) {
        return new RecoveryCodes(auth.confirmTwoFactor(AuthFilter.caller(security), body == null ? null : body.code()));
    }

    /** Turns the caller's two-factor authentication off (refused when its role requires it). */
    @POST
    @Path("two-factor/disable")
    public void disableTwoFactor(PasswordConfirmation body, @Context SecurityContext security) {
        auth.disableTwoFactor(AuthFilter.caller(security), body == null ? null : body.currentPassword());
    }

    /** Changes the caller's own profile (name, contact, email, timezone, language, accessibility, password). */
    @PATCH
    public Account update(Map<String, Object> patch, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        return accounts.update(caller, caller.accountId(), Patches.accountChanges(patch));
    }
}
