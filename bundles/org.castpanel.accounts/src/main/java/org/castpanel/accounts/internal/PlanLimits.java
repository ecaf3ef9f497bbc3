/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.castpanel.accounts.api.PlanUsage;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.Paging;
import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.PlanEntity;

/**
 * The arithmetic of reseller plans: what a reseller's plan has left after its sub-resellers'
 * plans and its subtree's services take their share, and whether a plan or a service fits. Additive limits (servers, listeners, data transfer, disk, AutoDJ
 * quota) are shared out; the bitrate cap and the feature switches only narrow.
 */
final class PlanLimits {

    /** The additive limits, in the order usage lines are reported. */
    enum Limit {
        SERVERS("serverLimit"),
        LISTENERS("maxListeners"),
        DATA_TRANSFER_GB("maxDataTransferGb"),
        DISK_MB("diskQuotaMb"),
        AUTODJ("autoDjQuota");

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

    private PlanLimits() {}

    static Set<String> engineTypes(PlanEntity plan) {
        if (plan.allowedEngineTypes == null || plan.allowedEngineTypes.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(plan.allowedEngineTypes.split(",")));
    }

    /**
     * What a reseller's plan has in use, per limit: the plans of its direct sub-resellers (each
     * covers its own subtree) plus the services of the rest of its subtree. {@code exceptAccountId}
     * and {@code exceptServiceId} leave out the account or service being changed. Unlimited
     * children count as 0 here; {@link #checkFits} refuses them under a limited parent.
     */
    static long[] used(EntityManager em, AccountEntity reseller, Long exceptAccountId, Long exceptServiceId) {
        long[] used = new long[Limit.values().length];
        List<Object[]> children = em.createQuery(
                        "SELECT a.path, p FROM PlanEntity p, AccountEntity a "
                                + "WHERE a.resellerPlanId = p.id AND a.parentId = :parent AND a.id <> :except",
                        Object[].class)
                .setParameter("parent", reseller.id)
                .setParameter("except", exceptAccountId == null ? -1L : exceptAccountId)
                .getResultList();
        List<String> subResellerPaths = new ArrayList<>();
        for (Object[] row : children) {
            subResellerPaths.add((String) row[0]);
            for (Limit limit : Limit.values()) {
                Long value = limit.of((PlanEntity) row[1]);
                used[limit.ordinal()] += value == null ? 0 : value;
            }
        }
        List<MediaServiceEntity> services = em.createQuery(
                        "SELECT s FROM MediaServiceEntity s " + "WHERE s.ownerPath LIKE :prefix AND s.id <> :except",
                        MediaServiceEntity.class)
                .setParameter("prefix", Paging.likePrefix(reseller.path))
                .setParameter("except", exceptServiceId == null ? -1L : exceptServiceId)
                .getResultList();
        for (MediaServiceEntity service : services) {
            if (subResellerPaths.stream().anyMatch(service.ownerPath::startsWith)) {
                continue; // counted in that sub-reseller's plan
            }
            if (service.attachedTo != null) {
                used[Limit.AUTODJ.ordinal()]++; // a source (AutoDJ) takes an AutoDJ slot, not a server
                continue;
            }
            used[Limit.SERVERS.ordinal()]++;
            used[Limit.LISTENERS.ordinal()] += service.maxListeners == null ? 0 : service.maxListeners;
            used[Limit.DATA_TRANSFER_GB.ordinal()] += service.dataTransferGb == null ? 0 : service.dataTransferGb;
            used[Limit.DISK_MB.ordinal()] += service.diskQuotaMb == null ? 0 : service.diskQuotaMb;
        }
        return used;
    }

    /** The reseller whose plan governs an account: the nearest one at or above it, or null. */
    static AccountEntity governingReseller(EntityManager em, AccountEntity account) {
        if (account.resellerPlanId != null) {
            return account;
        }
        List<Long> ancestors = new ArrayList<>();
        for (String part : account.path.split("/")) {
            if (!part.isEmpty()) {
                ancestors.add(Long.parseLong(part));
            }
        }
        List<AccountEntity> resellers = em.createQuery(
                        "SELECT a FROM AccountEntity a WHERE a.id IN :ids " + "AND a.resellerPlanId IS NOT NULL",
                        AccountEntity.class)
                .setParameter("ids", ancestors)
                .getResultList();
        return resellers.stream()
                .max(Comparator.comparingInt(a -> a.path.length()))
                .orElse(null);
    }

    /**
     * Refuses a service that does not fit the governing plan: the type must be allowed, the server
     * limit not reached (409), and each limited resource given and within what is left (422).
     */
    static void checkServiceFits(
            EntityManager em, AccountEntity reseller, PlanEntity plan, MediaServiceEntity service) {
        Set<String> types = engineTypes(plan);
        if (!types.isEmpty() && !types.contains(service.engineType)) {
            throw CastPanelException.invalid(
                    "engineType",
                    "the reseller plan of " + reseller.username + " does not allow " + service.engineType
                            + " services; it allows " + String.join(", ", types));
        }
        long[] used = used(em, reseller, null, service.id);
        if (service.attachedTo != null) {
            if (!plan.autoDjAllowed) {
                throw CastPanelException.invalid(
                        "engineType", "the reseller plan of " + reseller.username + " does not include AutoDJ");
            }
            if (plan.autoDjQuota != null && used[Limit.AUTODJ.ordinal()] + 1 > plan.autoDjQuota) {
                throw CastPanelException.conflict(
                        "autoDjQuota",
                        "the AutoDJ quota of " + reseller.username + "'s plan (" + plan.autoDjQuota + ") is used up");
            }
            return; // a source has no listeners, transfer or disk of its own: its server has
        }
        if (plan.serverLimit != null && used[Limit.SERVERS.ordinal()] + 1 > plan.serverLimit) {
            throw CastPanelException.conflict(
                    "serverLimit",
                    "the server limit of " + reseller.username + "'s plan (" + plan.serverLimit + ") is reached");
        }
        checkResource(
                "maxListeners",
                reseller,
                plan.maxListeners == null ? null : plan.maxListeners.longValue(),
                used[Limit.LISTENERS.ordinal()],
                service.maxListeners == null ? null : service.maxListeners.longValue());
        checkResource(
                "dataTransferGb",
                reseller,
                plan.maxDataTransferGb,
                used[Limit.DATA_TRANSFER_GB.ordinal()],
                service.dataTransferGb);
        checkResource("diskQuotaMb", reseller, plan.diskQuotaMb, used[Limit.DISK_MB.ordinal()], service.diskQuotaMb);
        if (plan.maxBitrateKbps != null) {
            if (service.maxBitrateKbps == null) {
                throw CastPanelException.invalid(
                        "maxBitrateKbps",
                        "maxBitrateKbps is required: the plan of " + reseller.username + " allows at most "
                                + plan.maxBitrateKbps);
            }
            if (service.maxBitrateKbps > plan.maxBitrateKbps) {
                throw CastPanelException.invalid(
                        "maxBitrateKbps",
                        "maxBitrateKbps " + service.maxBitrateKbps + " is over the plan's maximum bitrate of "
                                + plan.maxBitrateKbps);
            }
        }
    }

    private static void checkResource(String field, AccountEntity reseller, Long allowed, long used, Long wanted) {
        if (allowed == null) {
            return;
        }
        long left = Math.max(0, allowed - used);
        if (wanted == null) {
            throw CastPanelException.invalid(
                    field,
                    field + " is required: the plan of " + reseller.username + " limits it, and " + left + " is left");
        }
        if (wanted > left) {
            throw CastPanelException.invalid(
                    field,
                    field + " " + wanted + " is over what the plan of " + reseller.username + " has left (" + left
                            + ")");
        }
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
                throw CastPanelException.invalid(
                        field,
                        "plan '" + child.name + "' is unlimited in " + limit.field + ", but " + parentLabel
                                + " has only " + left + " left");
            }
            if (wanted > left) {
                throw CastPanelException.invalid(
                        field,
                        "plan '" + child.name + "' needs " + limit.field + " " + wanted + ", but " + parentLabel
                                + " has only " + left + " left");
            }
        }
        if (parent.maxBitrateKbps != null
                && (child.maxBitrateKbps == null || child.maxBitrateKbps > parent.maxBitrateKbps)) {
            throw CastPanelException.invalid(
                    field,
                    "plan '" + child.name + "' allows a higher maxBitrateKbps than " + parentLabel + " ("
                            + parent.maxBitrateKbps + ")");
        }
        checkSwitch(field, parentLabel, "autoDjAllowed", parent.autoDjAllowed, child.autoDjAllowed, child);
        checkSwitch(field, parentLabel, "proxyAllowed", parent.proxyAllowed, child.proxyAllowed, child);
        checkSwitch(
                field,
                parentLabel,
                "subResellersAllowed",
                parent.subResellersAllowed,
                child.subResellersAllowed,
                child);
        Set<String> parentTypes = engineTypes(parent);
        if (!parentTypes.isEmpty()) {
            Set<String> childTypes = engineTypes(child);
            if (childTypes.isEmpty() || !parentTypes.containsAll(childTypes)) {
                throw CastPanelException.invalid(
                        field,
                        "plan '" + child.name + "' allows engine types that " + parentLabel + " does not: only "
                                + String.join(", ", parentTypes) + " are allowed");
            }
        }
    }

    private static void checkSwitch(
            String field, String parentLabel, String name, boolean parentValue, boolean childValue, PlanEntity child) {
        if (childValue && !parentValue) {
            throw CastPanelException.invalid(
                    field, "plan '" + child.name + "' turns on " + name + ", which " + parentLabel + " does not allow");
        }
    }

    /** The usage report of a reseller account. */
    static PlanUsage usage(EntityManager em, AccountEntity reseller, PlanEntity plan) {
        long[] reserved = used(em, reseller, null, null);
        List<PlanUsage.Line> lines = new ArrayList<>();
        for (Limit limit : Limit.values()) {
            long used = reserved[limit.ordinal()];
            Long allowed = limit.of(plan);
            lines.add(new PlanUsage.Line(
                    limit.field, used, allowed, allowed == null ? null : Math.max(0, allowed - used)));
        }
        long accounts = em.createQuery(
                        "SELECT COUNT(a) FROM AccountEntity a WHERE a.path LIKE :prefix AND a.id <> :self", Long.class)
                .setParameter("prefix", Paging.likePrefix(reseller.path))
                .setParameter("self", reseller.id)
                .getSingleResult();
        lines.add(new PlanUsage.Line("accounts", accounts, null, null));
        return new PlanUsage(reseller.id, plan.id, plan.name, lines);
    }
}
