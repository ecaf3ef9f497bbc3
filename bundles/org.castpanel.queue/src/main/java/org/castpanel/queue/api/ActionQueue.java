/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.queue.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.castpanel.core.api.ActionStatus;
import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Page;
import org.castpanel.core.api.ServiceAction;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The durable queue of engine operations (table cp_action) and its only writer. Writes join the
 * caller's running {@code Store.write}, so an action commits or rolls back with the change that
 * caused it; what the queue announces (the "action" event on the live bus, waking the node's
 * workers) happens only after that commit. Every enqueue is audited as {@code service.action}
 * with its actor (a user's caller, or {@link Caller#system} when the panel decided on its own) and
 * written to the outbox as {@code action.queued}; every outcome as {@code action.finished}.
 *
 * <p>A service's actions run strictly in id order, one at a time; different services' in
 * parallel. States go QUEUED → RUNNING → SUCCEEDED or FAILED, and RUNNING → QUEUED for a retry
 * or when the panel restarted mid-action.
 */
@ProviderType
public interface ActionQueue {

    /**
     * Queues {@code type} for the service. {@code reason} says why (shown in the history and the
     * audit log; may be null for a user's plain request).
     *
     * @throws IllegalArgumentException when the service does not exist
     */
    ServiceAction enqueue(long serviceId, ActionType type, Caller actor, String reason);

    Optional<QueuedAction> find(long actionId);

    /** A service's actions, newest first. */
    Page<ServiceAction> ofService(long serviceId, int page, int size);

    /** Services of {@code node} with an action queued or running. */
    Set<Long> servicesWithPendingActions(String node);

    /** Keeps the actions' owner paths (their tenancy) in step after accounts moved in the hierarchy. */
    void ownerPathsMoved(String oldPrefix, String newPrefix);

    /** Keeps a service's actions with it when it moves to another owner. */
    void serviceMoved(long serviceId, String ownerPath);

    // ---- the node's workers ----

    /** After a restart: actions this node left RUNNING are queued again. Answers how many. */
    int resumeInterrupted(String node);

    /**
     * Claims up to {@code max} runnable actions of {@code node}: the oldest queued one of each
     * service that has none running, is not in {@code busyServices}, and whose back-off is over.
     * A claimed action is RUNNING with one more attempt, and its service id is added to
     * {@code busyServices} (a concurrent set the caller owns and clears when the action ends).
     * A conditional update makes sure two panel nodes never claim the same action.
     */
    List<QueuedAction> claim(String node, int max, Set<Long> busyServices);

    /** Puts a claimed action back with a message, runnable again after {@code delay}. */
    void retryLater(long actionId, String message, Duration delay, boolean countAttempt);

    /** Ends a claimed action as SUCCEEDED or FAILED (joins the running write, if any). */
    void finish(long actionId, ActionStatus outcome, String message);

    /** Runs {@code wake} after each commit that queued work. Returns a handle that stops it. */
    AutoCloseable onWork(Runnable wake);
}
