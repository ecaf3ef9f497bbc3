/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

import java.util.List;

/**
 * A reseller's use of its plan: one line per limit, what is used (by its subtree's services and
 * what its sub-resellers' plans reserve) and what the plan allows (null = unlimited).
 */
public record PlanUsage(long accountId, long planId, String planName, List<Line> lines) {

    /** One limit of the plan. {@code available} is null when unlimited. */
    public record Line(String limit, long used, Long allowed, Long available) {}
}
