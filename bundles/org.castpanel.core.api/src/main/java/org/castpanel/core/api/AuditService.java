/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit log. Administrators read all of it; a reseller reads entries about its subtree's
 * accounts and its own actions; a customer its own. Blocking (database).
 */
@ProviderType
public interface AuditService {

    /**
     * Records an entry. Core services call this inside their own transactions; other bundles
     * (engines, the console) call it for changes they make themselves.
     */
    default void record(Caller caller, String action, String targetType, Long targetId, String detail) {
        record(caller, action, targetType, targetId, null, detail);
    }

    /**
     * Records an entry about something owned by the account at {@code targetPath} (so that
     * account's reseller reads it too). Inside a running write it joins that transaction.
     */
    void record(Caller caller, String action, String targetType, Long targetId, String targetPath, String detail);

    /** Newest first. {@code action} filters by action-name prefix, {@code actorId} by actor. */
    Page<AuditEntry> list(Caller caller, String action, Long actorId, Long targetId, int page, int size);
}
