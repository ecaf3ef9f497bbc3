package org.castpanel.rest.internal;

import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.castpanel.core.api.Account;
import org.castpanel.core.api.AccountService;
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

    /** The caller's account, and who is logged in as it, if anyone. */
    public record Me(Account account, Long impersonatorId, boolean reseller, boolean subResellersAllowed) {
    }

    private final AccountService accounts;

    @Activate
    public MeResource(final @Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    public Me me(@Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        return new Me(accounts.get(caller, caller.accountId()), caller.impersonatorId(), caller.reseller(),
                caller.subResellersAllowed());
    }

    /** Changes the caller's own profile (name, contact, email, timezone, language, accessibility, password). */
    @PATCH
    public Account update(Map<String, Object> patch, @Context SecurityContext security) {
        Caller caller = AuthFilter.caller(security);
        return accounts.update(caller, caller.accountId(), Patches.accountChanges(patch));
    }
}
