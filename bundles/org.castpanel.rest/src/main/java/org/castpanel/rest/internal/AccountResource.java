/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.accounts.api.Account;
import org.castpanel.accounts.api.AccountKind;
import org.castpanel.accounts.api.AccountOverview;
import org.castpanel.accounts.api.AccountQuery;
import org.castpanel.accounts.api.AccountService;
import org.castpanel.accounts.api.ApiKey;
import org.castpanel.accounts.api.AuthService;
import org.castpanel.accounts.api.NewAccount;
import org.castpanel.accounts.api.PlanService;
import org.castpanel.accounts.api.PlanUsage;
import org.castpanel.accounts.api.Session;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.Page;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Accounts in the caller's reach: administrators everything, resellers their subtree, customers
 * themselves. Ids outside that reach answer 404, as if they did not exist.
 */
@Component(service = AccountResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** Body of {@code POST /accounts/{id}/password}. */
    public record PasswordReset(String password) {}

    /** Body of {@code POST /accounts/{id}/api-keys}; {@code expiresInDays} (1–3650) absent: the key does not expire. */
    public record NewApiKey(String label, Integer expiresInDays) {}

    private final AccountService accounts;
    private final PlanService plans;
    private final AuthService auth;

    @Activate
    public AccountResource(
            final @Reference AccountService accounts,
            final @Reference PlanService plans,
            final @Reference AuthService auth) {
        this.accounts = accounts;
        this.plans = plans;
        this.auth = auth;
    }

    /**
     * Lists accounts, a–z by username unless {@code sort} says otherwise (username, name, email,
     * createdAt, id; '-' for descending). {@code q} searches username, name and email.
     */
    @GET
    public Page<Account> list(
            @QueryParam("q") String search,
            @QueryParam("kind") String kind,
            @QueryParam("enabled") Boolean enabled,
            @QueryParam("parentId") Long parentId,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("25") int size,
            @Context SecurityContext security) {
        return accounts.list(
                AuthFilter.caller(security), new AccountQuery(search, kind(kind), enabled, parentId, sort, page, size));
    }

    private static AccountKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return AccountKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CastPanelException.badRequest(
                    "kind", "kind must be one of ADMINISTRATOR, RESELLER, RESELLER_SUBACCOUNT, CUSTOMER");
        }
    }

    @POST
    public Response create(NewAccount account, @Context SecurityContext security) {
        Account created = accounts.create(AuthFilter.caller(security), account);
        return Response.created(URI.create("accounts/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Path("{id}")
    public Account get(@PathParam("id") long id, @Context SecurityContext security) {
        return accounts.get(AuthFilter.caller(security), id);
    }

    @PATCH
    @Path("{id}")
    public Account update(@PathParam("id") long id, Map<String, Object> patch, @Context SecurityContext security) {
        return accounts.update(AuthFilter.caller(security), id, Patches.accountChanges(patch));
    }

    /** Refused with 409 while the account owns accounts or services, unless {@code cascade=true}. */
    @DELETE
    @Path("{id}")
    public void delete(
            @PathParam("id") long id,
            @QueryParam("cascade") @DefaultValue("false") boolean cascade,
            @Context SecurityContext security) {
        accounts.delete(AuthFilter.caller(security), id, cascade);
    }

    @GET
    @Path("{id}/overview")
    public AccountOverview overview(@PathParam("id") long id, @Context SecurityContext security) {
        return accounts.overview(AuthFilter.caller(security), id);
    }

    @GET
    @Path("{id}/usage")
    public PlanUsage usage(@PathParam("id") long id, @Context SecurityContext security) {
        return plans.usage(AuthFilter.caller(security), id);
    }

    @POST
    @Path("{id}/password")
    public Account resetPassword(@PathParam("id") long id, PasswordReset reset, @Context SecurityContext security) {
        return accounts.resetPassword(AuthFilter.caller(security), id, reset.password());
    }

    @POST
    @Path("{id}/enable")
    public Account enable(@PathParam("id") long id, @Context SecurityContext security) {
        return accounts.setEnabled(AuthFilter.caller(security), id, true);
    }

    @POST
    @Path("{id}/disable")
    public Account disable(@PathParam("id") long id, @Context SecurityContext security) {
        return accounts.setEnabled(AuthFilter.caller(security), id, false);
    }

    /** Opens a session as the account; the answer's token acts as it until logged out. Audited. */
    @POST
    @Path("{id}/impersonate")
    public Session impersonate(@PathParam("id") long id, @Context SecurityContext security) {
        return auth.impersonate(AuthFilter.caller(security), id);
    }

    /** Turns off the account's two-factor authentication (a lost phone); its sessions end. Audited. */
    @POST
    @Path("{id}/two-factor/reset")
    public void resetTwoFactor(@PathParam("id") long id, @Context SecurityContext security) {
        auth.resetTwoFactor(AuthFilter.caller(security), id);
    }

    @GET
    @Path("{id}/api-keys")
    public List<ApiKey> apiKeys(@PathParam("id") long id, @Context SecurityContext security) {
        return auth.listApiKeys(AuthFilter.caller(security), id);
    }

    /** The answer carries the key's secret: the only time it is shown. */
    @POST
    @Path("{id}/api-keys")
    public Response createApiKey(@PathParam("id") long id, NewApiKey body, @Context SecurityContext security) {
        NewApiKey request = body == null ? new NewApiKey(null, null) : body;
        if (request.expiresInDays() != null && (request.expiresInDays() < 1 || request.expiresInDays() > 3650)) {
            throw CastPanelException.invalid("expiresInDays", "expiresInDays must be between 1 and 3650");
        }
        java.time.Instant expires = request.expiresInDays() == null
                ? null
                : java.time.Instant.now().plus(java.time.Duration.ofDays(request.expiresInDays()));
        ApiKey key = auth.createApiKey(AuthFilter.caller(security), id, request.label(), expires);
        return Response.status(Response.Status.CREATED).entity(key).build();
    }

    @DELETE
    @Path("{id}/api-keys/{keyId}")
    public void revokeApiKey(
            @PathParam("id") long id, @PathParam("keyId") long keyId, @Context SecurityContext security) {
        auth.revokeApiKey(AuthFilter.caller(security), id, keyId);
    }
}
