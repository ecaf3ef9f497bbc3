/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Accounts and their hierarchy. Every method checks that the caller may see or change the
 * account: an administrator anything, a reseller its own subtree, a customer only itself.
 * An account outside the caller's reach is reported as not found, never as forbidden, so
 * no caller learns another tenant's ids. Methods block on the database; call them from request
 * or worker threads, never from a framework callback thread.
 */
@ProviderType
public interface AccountService {

    Page<Account> list(Caller caller, AccountQuery query);

    Account get(Caller caller, long id);

    /** Finds an account by username (case-insensitive) within the caller's reach. */
    Account getByUsername(Caller caller, String username);

    Account create(Caller caller, NewAccount account);

    Account update(Caller caller, long id, AccountChanges changes);

    /**
     * Deletes an account. Refused with a conflict while it still owns services or sub-accounts,
     * unless {@code cascade} is true, which deletes its whole subtree.
     */
    void delete(Caller caller, long id, boolean cascade);

    Account resetPassword(Caller caller, long id, String newPassword);

    Account setEnabled(Caller caller, long id, boolean enabled);

    AccountOverview overview(Caller caller, long id);

    /**
     * Creates the first administrator if no account exists yet. Returns true if it did.
     * Called once at start-up; not reachable from the API.
     */
    boolean bootstrapAdministrator(String username, String password);

    /** The console's caller: the oldest enabled administrator. */
    Caller consoleCaller();
}
