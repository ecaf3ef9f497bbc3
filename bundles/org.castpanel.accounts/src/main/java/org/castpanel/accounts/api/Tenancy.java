/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import java.util.Set;

import javax.persistence.EntityManager;

import org.castpanel.core.api.Caller;
import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.PlanEntity;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the panel's other areas (media services, and later the media library and billing) ask the
 * accounts area while they change something: who may see an account and which reseller plan
 * governs it. Every method works inside the caller's transaction, on its entity manager, so a
 * plan check and the change it guards commit together. Not for plugins: the engine SPI never
 * sees accounts.
 */
@ProviderType
public interface Tenancy {

    /** The account, if the caller may see it (itself or below it); otherwise a 404. */
    AccountEntity visible(EntityManager em, Caller caller, long accountId);

    /** Whether the caller manages the account: an administrator, or a reseller above it. */
    boolean manages(Caller caller, AccountEntity account);

    /** The nearest reseller at or above the account that holds a plan; null when none does. */
    AccountEntity governingReseller(EntityManager em, AccountEntity account);

    /** The engine types a plan offers; empty when it offers every installed one. */
    Set<String> engineTypes(PlanEntity plan);

    /** What the reseller's plan allows and what its accounts and services already use. */
    PlanUsage usage(EntityManager em, AccountEntity reseller, PlanEntity plan);

    /**
     * Refuses (422 naming the limit) a service that does not fit the reseller's plan, counting
     * every other service already in it. The caller holds the reseller's row lock.
     */
    void checkServiceFits(EntityManager em, AccountEntity reseller, PlanEntity plan, MediaServiceEntity service);
}
