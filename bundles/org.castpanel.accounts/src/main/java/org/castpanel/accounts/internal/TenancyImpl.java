/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.util.Set;

import javax.persistence.EntityManager;

import org.castpanel.accounts.api.PlanUsage;
import org.castpanel.accounts.api.Tenancy;
import org.castpanel.core.api.Caller;
import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.PlanEntity;
import org.osgi.service.component.annotations.Component;

/** {@link Tenancy} over the same rules the accounts area applies to itself. */
@Component(service = Tenancy.class)
public class TenancyImpl implements Tenancy {

    @Override
    public AccountEntity visible(EntityManager em, Caller caller, long accountId) {
        return Accounts.visible(em, caller, accountId);
    }

    @Override
    public boolean manages(Caller caller, AccountEntity account) {
        return Accounts.manages(caller, account);
    }

    @Override
    public AccountEntity governingReseller(EntityManager em, AccountEntity account) {
        return PlanLimits.governingReseller(em, account);
    }

    @Override
    public Set<String> engineTypes(PlanEntity plan) {
        return PlanLimits.engineTypes(plan);
    }

    @Override
    public PlanUsage usage(EntityManager em, AccountEntity reseller, PlanEntity plan) {
        return PlanLimits.usage(em, reseller, plan);
    }

    @Override
    public void checkServiceFits(
            EntityManager em, AccountEntity reseller, PlanEntity plan, MediaServiceEntity service) {
        PlanLimits.checkServiceFits(em, reseller, plan, service);
    }
}
