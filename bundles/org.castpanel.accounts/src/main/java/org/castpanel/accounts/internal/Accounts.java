/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.castpanel.accounts.api.Account;
import org.castpanel.accounts.api.AccountKind;
import org.castpanel.core.api.AccountType;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.PlanEntity;

/** Loading accounts with the caller's reach applied, and turning rows into API records. */
final class Accounts {

    private Accounts() {}

    /** The account if the caller may see it; otherwise not found, exactly as if it did not exist. */
    static AccountEntity visible(EntityManager em, Caller caller, long id) {
        AccountEntity account = em.find(AccountEntity.class, id);
        if (account == null || !(caller.covers(account.path) || account.id == caller.accountId())) {
            throw CastPanelException.notFound("account", id);
        }
        return account;
    }

    /** Whether the caller manages (not merely sees) the account: never itself, unless administrator. */
    static boolean manages(Caller caller, AccountEntity account) {
        if (caller.isAdministrator()) {
            return true;
        }
        return caller.reseller() && account.id != caller.accountId() && account.path.startsWith(caller.path());
    }

    static AccountEntity managed(EntityManager em, Caller caller, long id, String what) {
        AccountEntity account = visible(em, caller, id);
        if (!manages(caller, account)) {
            throw CastPanelException.forbidden(
                    account.id == caller.accountId()
                            ? "you cannot " + what + " your own account"
                            : "you cannot " + what + " this account");
        }
        return account;
    }

    static AccountEntity byUsername(EntityManager em, String username) {
        List<AccountEntity> found = em.createQuery(
                        "SELECT a FROM AccountEntity a WHERE a.usernameLc = :u", AccountEntity.class)
                .setParameter("u", username.toLowerCase(java.util.Locale.ROOT))
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    static Caller callerOf(EntityManager em, AccountEntity account, Long impersonatorId, String origin) {
        return callerOf(em, account, impersonatorId, origin, Caller.Credential.SESSION, null);
    }

    static Caller callerOf(
            EntityManager em,
            AccountEntity account,
            Long impersonatorId,
            String origin,
            Caller.Credential credential,
            Long sessionId) {
        return callerOf(em, account, impersonatorId, origin, credential, sessionId, false);
    }

    static Caller callerOf(
            EntityManager em,
            AccountEntity account,
            Long impersonatorId,
            String origin,
            Caller.Credential credential,
            Long sessionId,
            boolean twoFactorSetupRequired) {
        boolean subResellers = false;
        if (account.resellerPlanId != null) {
            PlanEntity plan = em.find(PlanEntity.class, account.resellerPlanId);
            subResellers = plan != null && plan.subResellersAllowed;
        }
        return new Caller(
                account.id,
                account.username,
                AccountType.valueOf(account.accountType),
                account.resellerPlanId != null,
                subResellers,
                account.path,
                impersonatorId,
                origin,
                credential,
                sessionId,
                twoFactorSetupRequired);
    }

    static Account toAccount(EntityManager em, AccountEntity e) {
        Long parentPlan = null;
        if (e.parentId != null) {
            AccountEntity parent = em.find(AccountEntity.class, e.parentId);
            parentPlan = parent == null ? null : parent.resellerPlanId;
        }
        return toAccount(e, parentPlan != null);
    }

    /** Maps a page of rows, finding their parents' reseller status in one query. */
    static List<Account> toAccounts(EntityManager em, List<AccountEntity> rows) {
        Collection<Long> parentIds = rows.stream()
                .map(r -> r.parentId)
                .filter(p -> p != null)
                .distinct()
                .toList();
        Map<Long, Boolean> parentIsReseller = new HashMap<>();
        if (!parentIds.isEmpty()) {
            for (Object[] row : em.createQuery(
                            "SELECT a.id, a.resellerPlanId FROM AccountEntity a WHERE a.id IN :ids", Object[].class)
                    .setParameter("ids", parentIds)
                    .getResultList()) {
                parentIsReseller.put((Long) row[0], row[1] != null);
            }
        }
        return rows.stream()
                .map(r -> toAccount(r, r.parentId != null && parentIsReseller.getOrDefault(r.parentId, false)))
                .toList();
    }

    static Account toAccount(AccountEntity e, boolean parentIsReseller) {
        AccountType type = AccountType.valueOf(e.accountType);
        AccountKind kind = type == AccountType.ADMINISTRATOR
                ? AccountKind.ADMINISTRATOR
                : e.resellerPlanId != null
                        ? AccountKind.RESELLER
                        : parentIsReseller ? AccountKind.RESELLER_SUBACCOUNT : AccountKind.CUSTOMER;
        long now = System.currentTimeMillis();
        // locked for everyone, or for the addresses that kept failing (the latest of those locks)
        long until =
                Math.max(e.lockedUntil == null ? 0 : e.lockedUntil, LoginThrottle.SHARED.lockedUntil(e.username, now));
        Instant locked = until > now ? Instant.ofEpochMilli(until) : null;
        return new Account(
                e.id,
                e.username,
                e.name,
                e.contactNumber,
                e.email,
                type,
                kind,
                e.enabled,
                e.apiAccess,
                e.accessibility,
                e.sendWelcomeEmail,
                e.timezone,
                e.language,
                e.resellerPlanId,
                e.parentId,
                locked,
                Instant.ofEpochMilli(e.createdAt),
                Instant.ofEpochMilli(e.updatedAt),
                e.totpEnabled);
    }
}
