/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import java.util.List;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reseller plans. Administrators define plans for anyone; a reseller whose plan allows
 * sub-resellers defines plans for its own sub-resellers, within what its plan has left.
 * Blocking (database).
 */
@ProviderType
public interface PlanService {

    /** The plans the caller may assign, plus the caller's own plan. */
    List<ResellerPlan> list(Caller caller);

    ResellerPlan get(Caller caller, long id);

    ResellerPlan create(Caller caller, PlanInput plan);

    ResellerPlan update(Caller caller, long id, PlanInput plan);

    /** Refused with a conflict while any account has the plan. */
    void delete(Caller caller, long id);

    /** The reseller account's use of its plan; not found if it has no plan. */
    PlanUsage usage(Caller caller, long accountId);

    /**
     * The plan that governs an account's services: its own, or that of the nearest reseller above
     * it; empty for accounts outside any plan. For the panel's own background work (no caller).
     */
    java.util.Optional<ResellerPlan> governingPlan(long accountId);
}
