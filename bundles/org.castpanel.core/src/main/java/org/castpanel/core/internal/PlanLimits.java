package org.castpanel.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.PlanUsage;
import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.PlanEntity;

/**
 * The arithmetic of reseller plans: what a reseller's plan has left after its sub-resellers'
 * plans (and, once media services exist, its subtree's services) take their share, and whether a
 * plan fits inside another. Additive limits (servers, listeners, data transfer, disk, AutoDJ
 * quota) are shared out; the bitrate cap and the feature switches only narrow.
 */
final class PlanLimits {

    /** The additive limits, in the order usage lines are reported. */
    enum Limit {
        SERVERS("serverLimit"), LISTENERS("maxListeners"), DATA_TRANSFER_GB("maxDataTransferGb"),
        DISK_MB("diskQuotaMb"), AUTODJ("autoDjQuota");

        final String field;

        Limit(String field) {
            this.field = field;
        }

        Long of(PlanEntity plan) {
            return switch (this) {
                case SERVERS -> plan.serverLimit == null ? null : plan.serverLimit.longValue();
                case LISTENERS -> plan.maxListeners == null ? null : plan.maxListeners.longValue();
                case DATA_TRANSFER_GB -> plan.maxDataTransferGb;
                case DISK_MB -> plan.diskQuotaMb;
                case AUTODJ -> plan.autoDjQuota == null ? null : plan.autoDjQuota.longValue();
            };
        }
    }

    private PlanLimits() {
    }

    static Set<String> engineTypes(PlanEntity plan) {
        if (plan.allowedEngineTypes == null || plan.allowedEngineTypes.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(plan.allowedEngineTypes.split(",")));
    }

    /**
     * What the sub-resellers directly below {@code reseller} reserve, per limit, leaving out
     * {@code exceptAccountId} (the account whose plan is being changed). Unlimited children count
     * as 0 here; {@link #checkFits} refuses them under a limited parent.
     */
    static long[] reservedByChildren(EntityManager em, long resellerId, Long exceptAccountId) {
        List<PlanEntity> plans = em.createQuery("SELECT p FROM PlanEntity p, AccountEntity a "
                + "WHERE a.resellerPlanId = p.id AND a.parentId = :parent AND a.id <> :except", PlanEntity.class)
                .setParameter("parent", resellerId).setParameter("except", exceptAccountId == null ? -1L : exceptAccountId)
                .getResultList();
        long[] reserved = new long[Limit.values().length];
        for (PlanEntity plan : plans) {
            for (Limit limit : Limit.values()) {
                Long value = limit.of(plan);
                reserved[limit.ordinal()] += value == null ? 0 : value;
            }
        }
        return reserved;
    }

    /**
     * Refuses (422 on {@code field}) a {@code child} plan that does not fit in what
     * {@code parent} has left after {@code reserved}.
     */
    static void checkFits(String field, String parentLabel, PlanEntity parent, long[] reserved, PlanEntity child) {
        for (Limit limit : Limit.values()) {
            Long allowed = limit.of(parent);
            if (allowed == null) {
                continue;
            }
            Long wanted = limit.of(child);
            long left = Math.max(0, allowed - reserved[limit.ordinal()]);
            if (wanted == null) {
                throw CastPanelException.invalid(field, "plan '" + child.name + "' is unlimited in " + limit.field
                        + ", but " + parentLabel + " has only " + left + " left");
            }
            if (wanted > left) {
                throw CastPanelException.invalid(field, "plan '" + child.name + "' needs " + limit.field + " " + wanted
                        + ", but " + parentLabel + " has only " + left + " left");
            }
        }
        if (parent.maxBitrateKbps != null
                && (child.maxBitrateKbps == null || child.maxBitrateKbps > parent.maxBitrateKbps)) {
            throw CastPanelException.invalid(field, "plan '" + child.name + "' allows a higher maxBitrateKbps than "
                    + parentLabel + " (" + parent.maxBitrateKbps + ")");
        }
        checkSwitch(field, parentLabel, "autoDjAllowed", parent.autoDjAllowed, child.autoDjAllowed, child);
        checkSwitch(field, parentLabel, "proxyAllowed", parent.proxyAllowed, child.proxyAllowed, child);
        checkSwitch(field, parentLabel, "subResellersAllowed", parent.subResellersAllowed, child.subResellersAllowed,
                child);
        Set<String> parentTypes = engineTypes(parent);
        if (!parentTypes.isEmpty()) {
            Set<String> childTypes = engineTypes(child);
            if (childTypes.isEmpty() || !parentTypes.containsAll(childTypes)) {
                throw CastPanelException.invalid(field, "plan '" + child.name + "' allows engine types that "
                        + parentLabel + " does not: only " + String.join(", ", parentTypes) + " are allowed");
            }
        }
    }

    private static void checkSwitch(String field, String parentLabel, String name, boolean parentValue,
            boolean childValue, PlanEntity child) {
        if (childValue && !parentValue) {
            throw CastPanelException.invalid(field,
                    "plan '" + child.name + "' turns on " + name + ", which " + parentLabel + " does not allow");
        }
    }

    /** The usage report of a reseller account. */
    static PlanUsage usage(EntityManager em, AccountEntity reseller, PlanEntity plan) {
        long[] reserved = reservedByChildren(em, reseller.id, null);
        List<PlanUsage.Line> lines = new ArrayList<>();
        for (Limit limit : Limit.values()) {
            long used = reserved[limit.ordinal()];
            Long allowed = limit.of(plan);
            lines.add(new PlanUsage.Line(limit.field, used, allowed, allowed == null ? null : Math.max(0, allowed - used)));
        }
        long accounts = em.createQuery("SELECT COUNT(a) FROM AccountEntity a WHERE a.path LIKE :prefix AND a.id <> :self",
                Long.class).setParameter("prefix", Paging.likePrefix(reseller.path)).setParameter("self", reseller.id)
                .getSingleResult();
        lines.add(new PlanUsage.Line("accounts", accounts, null, null));
        return new PlanUsage(reseller.id, plan.id, plan.name, lines);
    }
}
