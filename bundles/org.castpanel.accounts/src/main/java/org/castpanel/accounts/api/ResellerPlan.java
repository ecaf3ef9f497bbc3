/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import java.time.Instant;
import java.util.List;

/**
 * The limits a reseller works within. A null limit is unlimited. Data transfer is in GB per
 * month, disk quota in MB, bitrate in kbit/s. An empty {@code allowedEngineTypes} allows every
 * engine type. {@code suspendOverTransfer}: a service of this plan that used up its monthly data
 * transfer is suspended until the month ends (otherwise it is only reported). {@code ownerId} is the administrator or reseller who defined the plan.
 */
public record ResellerPlan(
        long id,
        String name,
        boolean autoDjAllowed,
        Integer autoDjQuota,
        boolean proxyAllowed,
        Integer maxListeners,
        Long maxDataTransferGb,
        Integer maxBitrateKbps,
        Integer serverLimit,
        Long diskQuotaMb,
        List<String> allowedEngineTypes,
        boolean subResellersAllowed,
        boolean suspendOverTransfer,
        long ownerId,
        Instant createdAt) {}
