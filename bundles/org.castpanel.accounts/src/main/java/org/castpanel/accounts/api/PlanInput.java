/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import java.util.List;

/** The fields of a reseller plan as a caller supplies them, for create and full update. */
public record PlanInput(
        String name,
        Boolean autoDjAllowed,
        Integer autoDjQuota,
        Boolean proxyAllowed,
        Integer maxListeners,
        Long maxDataTransferGb,
        Integer maxBitrateKbps,
        Integer serverLimit,
        Long diskQuotaMb,
        List<String> allowedEngineTypes,
        Boolean subResellersAllowed,
        Boolean suspendOverTransfer) {}
