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
    void record(Caller caller, String action, String targetType, Long targetId, String detail);

    /** Newest first. {@code action} filters by action-name prefix, {@code actorId} by actor. */
    Page<AuditEntry> list(Caller caller, String action, Long actorId, Long targetId, int page, int size);
}
