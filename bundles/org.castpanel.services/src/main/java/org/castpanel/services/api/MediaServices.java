/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.util.List;

import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Page;
import org.castpanel.core.api.ServiceAction;
import org.castpanel.core.api.ServiceEvent;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Media services and their action queue. Tenancy as for accounts: a caller sees the services of
 * the accounts it sees; another tenant's service is not found. Plan limits are enforced on create,
 * update and ownership change. Actions are written to the durable queue in the same transaction
 * as the change that caused them and run in the background. Blocking (database).
 */
@ProviderType
public interface MediaServices {

    Page<MediaService> list(Caller caller, ServiceQuery query);

    MediaService get(Caller caller, long id);

    /** The data of the "new service" form for {@code ownerId} (null: the caller). */
    ServiceForm form(Caller caller, Long ownerId);

    MediaService create(Caller caller, NewMediaService service);

    /** Changes settings; a running service is reloaded through the queue. */
    MediaService update(Caller caller, long id, MediaServiceChanges changes);

    /** Administrators anywhere, resellers within their subtree; the new owner's plan must have room. */
    MediaService changeOwner(Caller caller, long id, long newOwnerId);

    /** Suspending stops the service and keeps its owner from starting it; managers only. */
    MediaService setSuspended(Caller caller, long id, boolean suspended);

    /**
     * Queues an action. DELETE of a video service needs {@code confirmed}: its files go with it.
     * Refused with 409 while suspended (except STOP and DELETE by a manager).
     */
    ServiceAction enqueue(Caller caller, long id, ActionType action, boolean confirmed);

    /**
     * Queues one action for several services at once (the service list's bulk start, stop…), all or
     * nothing: one service the caller may not act on refuses the whole request and queues nothing.
     * At most 500 services per call.
     */
    List<ServiceAction> enqueueAll(Caller caller, List<Long> ids, ActionType action, boolean confirmed);

    ServiceAction action(Caller caller, long actionId);

    /** The service's actions, newest first. */
    Page<ServiceAction> actions(Caller caller, long serviceId, int page, int size);

    List<ServiceEvent> events(Caller caller, long serviceId, int limit);
}
