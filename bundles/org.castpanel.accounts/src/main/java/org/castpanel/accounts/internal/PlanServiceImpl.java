/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.castpanel.accounts.api.PlanInput;
import org.castpanel.accounts.api.PlanService;
import org.castpanel.accounts.api.PlanUsage;
import org.castpanel.accounts.api.ResellerPlan;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.Validation;
import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.PlanEntity;
import org.castpanel.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = PlanService.class)
public class PlanServiceImpl implements PlanService {

    private static final Pattern ENGINE_TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Store store;

    @Activate
    public PlanServiceImpl(final @Reference Store store) {
        this.store = store;
    }

    @Override
    public List<ResellerPlan> list(Caller caller) {
        return store.read(em -> {
            List<PlanEntity> plans;
            if (caller.isAdministrator()) {
                plans = em.createQuery("SELECT p FROM PlanEntity p ORDER BY p.name, p.id", PlanEntity.class)
                        .getResultList();
            } else {
                AccountEntity self = em.find(AccountEntity.class, caller.accountId());
                plans = em.createQuery(
                                "SELECT p FROM PlanEntity p WHERE p.ownerId = :self OR p.id = :own "
                                        + "ORDER BY p.name, p.id",
                                PlanEntity.class)
                        .setParameter("self", caller.accountId())
                        .setParameter("own", self.resellerPlanId == null ? -1L : self.resellerPlanId)
                        .getResultList();
            }
            return plans.stream().map(PlanServiceImpl::toPlan).toList();
        });
    }

    @Override
    public ResellerPlan get(Caller caller, long id) {
        return store.read(em -> toPlan(visible(em, caller, id)));
    }

    /** Administrators see every plan; others the plans they defined and their own. */
    private static PlanEntity visible(EntityManager em, Caller caller, long id) {
        PlanEntity plan = em.find(PlanEntity.class, id);
        if (plan == null) {
            throw CastPanelException.notFound("reseller plan", id);
        }
        if (!caller.isAdministrator() && plan.ownerId != caller.accountId()) {
            AccountEntity self = em.find(AccountEntity.class, caller.accountId());
            if (self.resellerPlanId == null || self.resellerPlanId != id) {
                throw CastPanelException.notFound("reseller plan", id);
            }
        }
        return plan;
    }

    /** A plan the caller may change; someone else's is not found, before any role check. */
    private static PlanEntity owned(EntityManager em, Caller caller, long id) {
        PlanEntity plan = visible(em, caller, id);
        requireMayDefinePlans(caller);
        if (!caller.isAdministrator() && plan.ownerId != caller.accountId()) {
            throw CastPanelException.forbidden("you cannot change your own reseller plan");
        }
        return plan;
    }

    @Override
    public ResellerPlan create(Caller caller, PlanInput input) {
        requireMayDefinePlans(caller);
        return store.write(em -> {
            PlanEntity plan = new PlanEntity();
            apply(plan, input);
            checkWithinOwnPlan(em, caller, plan);
            refuseDuplicateName(em, caller.accountId(), plan.name, null);
            plan.id = store.nextId("cp_reseller_plan");
            plan.ownerId = caller.accountId();
            plan.createdAt = plan.updatedAt = System.currentTimeMillis();
            em.persist(plan);
            Audit.write(store, em, caller, "plan.create", "plan", plan.id, null, "name=" + plan.name);
            em.flush();
            return toPlan(plan);
        });
    }

    @Override
    public ResellerPlan update(Caller caller, long id, PlanInput input) {
        return store.write(em -> {
            PlanEntity plan = owned(em, caller, id);
            apply(plan, input);
            checkWithinOwnPlan(em, caller, plan);
            refuseDuplicateName(em, plan.ownerId, plan.name, plan.id);
            // every account on this plan must still fit under its parent and over its children
            List<AccountEntity> holders = em.createQuery(
                            "SELECT a FROM AccountEntity a WHERE a.resellerPlanId = :id", AccountEntity.class)
                    .setParameter("id", id)
                    .getResultList();
            for (AccountEntity holder : holders) {
                checkHolderStillFits(em, holder, plan);
            }
            plan.updatedAt = System.currentTimeMillis();
            Audit.write(store, em, caller, "plan.update", "plan", plan.id, null, "name=" + plan.name);
            em.flush();
            return toPlan(plan);
        });
    }

    private static void checkHolderStillFits(EntityManager em, AccountEntity holder, PlanEntity plan) {
        if (holder.parentId != null) {
            AccountEntity parent = em.find(AccountEntity.class, holder.parentId);
            if (parent.resellerPlanId != null) {
                PlanEntity parentPlan = em.find(PlanEntity.class, parent.resellerPlanId);
                PlanLimits.checkFits(
                        "plan",
                        parent.username + "'s plan",
                        parentPlan,
                        PlanLimits.used(em, parent, holder.id, null),
                        plan);
            }
        }
        long[] reserved = PlanLimits.used(em, holder, null, null);
        for (PlanLimits.Limit limit : PlanLimits.Limit.values()) {
            Long allowed = limit.of(plan);
            if (allowed != null && reserved[limit.ordinal()] > allowed) {
                throw CastPanelException.invalid(
                        limit.field,
                        limit.field + " " + allowed + " is less than the " + reserved[limit.ordinal()] + " that "
                                + holder.username + "'s sub-resellers and services already use");
            }
        }
    }

    @Override
    public void delete(Caller caller, long id) {
        store.write(em -> {
            PlanEntity plan = owned(em, caller, id);
            long holders = em.createQuery(
                            "SELECT COUNT(a) FROM AccountEntity a WHERE a.resellerPlanId = :id", Long.class)
                    .setParameter("id", id)
                    .getSingleResult();
            if (holders > 0) {
                throw CastPanelException.conflict("reseller plan '" + plan.name + "' is assigned to " + holders
                        + " account(s); assign them another plan first");
            }
            em.remove(plan);
            Audit.write(store, em, caller, "plan.delete", "plan", plan.id, null, "name=" + plan.name);
            return null;
        });
    }

    @Override
    public PlanUsage usage(Caller caller, long accountId) {
        return store.read(em -> {
            AccountEntity account = Accounts.visible(em, caller, accountId);
            if (account.resellerPlanId == null) {
                throw CastPanelException.notFound("reseller plan of account", accountId);
            }
            return PlanLimits.usage(em, account, em.find(PlanEntity.class, account.resellerPlanId));
        });
    }

    @Override
    public java.util.Optional<ResellerPlan> governingPlan(long accountId) {
        return store.read(em -> {
            AccountEntity account = em.find(AccountEntity.class, accountId);
            AccountEntity reseller = account == null ? null : PlanLimits.governingReseller(em, account);
            return java.util.Optional.ofNullable(reseller)
                    .map(r -> toPlan(em.find(PlanEntity.class, r.resellerPlanId)));
        });
    }

    private static void requireMayDefinePlans(Caller caller) {
        if (!caller.isAdministrator() && !(caller.reseller() && caller.subResellersAllowed())) {
            throw CastPanelException.forbidden(
                    caller.reseller()
                            ? "your reseller plan does not allow sub-resellers, so you cannot define plans"
                            : "only administrators and resellers define reseller plans");
        }
    }

    /** A reseller's plans can never promise more than its own plan holds. */
    private static void checkWithinOwnPlan(EntityManager em, Caller caller, PlanEntity plan) {
        if (caller.isAdministrator()) {
            return;
        }
        AccountEntity self = em.find(AccountEntity.class, caller.accountId());
        PlanEntity own = em.find(PlanEntity.class, self.resellerPlanId);
        PlanLimits.checkFits("plan", "your plan", own, new long[PlanLimits.Limit.values().length], plan);
    }

    private static void refuseDuplicateName(EntityManager em, long ownerId, String name, Long except) {
        long same = em.createQuery(
                        "SELECT COUNT(p) FROM PlanEntity p WHERE p.ownerId = :owner AND p.name = :name "
                                + "AND p.id <> :except",
                        Long.class)
                .setParameter("owner", ownerId)
                .setParameter("name", name)
                .setParameter("except", except == null ? -1L : except)
                .getSingleResult();
        if (same > 0) {
            throw CastPanelException.conflict("name", "a reseller plan named '" + name + "' already exists");
        }
    }

    private static void apply(PlanEntity plan, PlanInput input) {
        if (input.name() == null || input.name().isBlank()) {
            throw CastPanelException.invalid("name", "name is required");
        }
        plan.name = Validation.text("name", input.name().strip(), 100);
        plan.autoDjAllowed = Boolean.TRUE.equals(input.autoDjAllowed());
        plan.autoDjQuota = Validation.nonNegative("autoDjQuota", input.autoDjQuota());
        plan.proxyAllowed = Boolean.TRUE.equals(input.proxyAllowed());
        plan.maxListeners = Validation.nonNegative("maxListeners", input.maxListeners());
        plan.maxDataTransferGb = Validation.nonNegative("maxDataTransferGb", input.maxDataTransferGb());
        plan.maxBitrateKbps = Validation.nonNegative("maxBitrateKbps", input.maxBitrateKbps());
        if (plan.maxBitrateKbps != null && plan.maxBitrateKbps > 100_000) {
            throw CastPanelException.invalid("maxBitrateKbps", "maxBitrateKbps must be at most 100000");
        }
        plan.serverLimit = Validation.nonNegative("serverLimit", input.serverLimit());
        plan.diskQuotaMb = Validation.nonNegative("diskQuotaMb", input.diskQuotaMb());
        if (!plan.autoDjAllowed && plan.autoDjQuota != null && plan.autoDjQuota > 0) {
            throw CastPanelException.invalid("autoDjQuota", "autoDjQuota needs autoDjAllowed");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : input.allowedEngineTypes() == null ? List.<String>of() : input.allowedEngineTypes()) {
            if (type == null || !ENGINE_TYPE.matcher(type).matches()) {
                throw CastPanelException.invalid(
                        "allowedEngineTypes",
                        "engine type ids are lower-case letters, digits and . _ -, such as icecast");
            }
            types.add(type);
        }
        plan.allowedEngineTypes = String.join(",", types);
        if (plan.allowedEngineTypes.length() > 1000) {
            throw CastPanelException.invalid("allowedEngineTypes", "too many engine types");
        }
        plan.subResellersAllowed = Boolean.TRUE.equals(input.subResellersAllowed());
        plan.suspendOverTransfer = !Boolean.FALSE.equals(input.suspendOverTransfer());
    }

    static ResellerPlan toPlan(PlanEntity p) {
        return new ResellerPlan(
                p.id,
                p.name,
                p.autoDjAllowed,
                p.autoDjQuota,
                p.proxyAllowed,
                p.maxListeners,
                p.maxDataTransferGb,
                p.maxBitrateKbps,
                p.serverLimit,
                p.diskQuotaMb,
                new ArrayList<>(PlanLimits.engineTypes(p)),
                p.subResellersAllowed,
                p.suspendOverTransfer,
                p.ownerId,
                Instant.ofEpochMilli(p.createdAt));
    }
}
