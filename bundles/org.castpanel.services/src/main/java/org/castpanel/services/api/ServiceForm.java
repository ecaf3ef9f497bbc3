/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.util.List;

import org.castpanel.accounts.api.PlanUsage;

/**
 * What the "new service" form needs for one prospective owner: the engine types it may use (and
 * the caller's saved default), and the governing plan's usage and what is still available
 * ({@code usage} null when no reseller plan governs the owner).
 */
public record ServiceForm(long ownerId, List<EngineInfo> engineTypes, String defaultEngineType, PlanUsage usage) {}
