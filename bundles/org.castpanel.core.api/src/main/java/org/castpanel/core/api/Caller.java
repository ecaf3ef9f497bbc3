/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

/**
 * Who is acting, as established by authentication: every core service method takes one and
 * checks it. {@code path} is the account's place in the hierarchy ("/1/7/"), so a subtree check
 * is a prefix test. {@code impersonatorId} is set while an administrator or reseller is logged in
 * as one of its customers. {@code origin} says where the request came from (an IP address, or
 * "console"). {@code credential} says what the caller authenticated with: some things (changing
 * one's own password, minting API keys) need a login session of one's own, not an API key or an
 * impersonation; {@code sessionId} is that session, kept when the others end.
 * {@code twoFactorSetupRequired}: the administrator's policy asks this account's role for two-factor
 * authentication and it has none yet; until it sets it up, it may do nothing else.
 */
public record Caller(
        long accountId,
        String username,
        AccountType type,
        boolean reseller,
        boolean subResellersAllowed,
        String path,
        Long impersonatorId,
        String origin,
        Credential credential,
        Long sessionId,
        boolean twoFactorSetupRequired) {

    /** What a request authenticated with. */
    public enum Credential {
        SESSION,
        API_KEY,
        CONSOLE,
        /** A password checked for one connection of a file-transfer protocol (SFTP): no session behind it. */
        PASSWORD,
        /** The panel acting on its own (the reconciler, the statistics collector): no account behind it. */
        SYSTEM
    }

    /** The Karaf console: acts as the built-in administrator account. */
    public static Caller console(long adminId, String adminUsername) {
        return new Caller(
                adminId,
                adminUsername,
                AccountType.ADMINISTRATOR,
                false,
                true,
                "/" + adminId + "/",
                null,
                "console",
                Credential.CONSOLE,
                null,
                false);
    }

    /**
     * The panel itself, acting on its own decision; {@code component} says which part ("reconciler",
     * "statistics"). Audited with no actor account and the component as origin.
     */
    public static Caller system(String component) {
        return new Caller(
                0,
                "system",
                AccountType.ADMINISTRATOR,
                false,
                true,
                "/",
                null,
                component,
                Credential.SYSTEM,
                null,
                false);
    }

    public boolean isSystem() {
        return credential == Credential.SYSTEM;
    }

    /** A login session of the account holder itself: not an API key, not someone logged in as it. */
    public boolean ownSession() {
        return credential != Credential.API_KEY && impersonatorId == null;
    }

    public boolean isAdministrator() {
        return type == AccountType.ADMINISTRATOR;
    }

    /** Whether this caller may create accounts at all. */
    public boolean managesAccounts() {
        return isAdministrator() || reseller;
    }

    /** Whether the account at {@code otherPath} lies in this caller's subtree (itself included). */
    public boolean covers(String otherPath) {
        return isAdministrator() || (otherPath != null && otherPath.startsWith(path));
    }
}
