/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a unit of work against CastPanel's database. {@link #read} gets an entity manager of its
 * own; {@link #write} wraps its work in a transaction that commits when the function returns and
 * rolls back when it throws (the exception propagates unchanged). A write called while another
 * write runs on the same thread joins it, with the same entity manager: so a service of one area
 * (the queue, the audit log, the outbox) can add its rows to the transaction of the change that
 * caused them without taking an entity manager as a parameter. Blocking; safe from any thread.
 * The service appears only once the schema migrations have run.
 */
@ProviderType
public interface Store {

    <T> T read(Function<EntityManager, T> work);

    <T> T write(Function<EntityManager, T> work);

    /**
     * Runs {@code task} once the outermost write of this thread has committed, and not at all if
     * it rolls back; outside a write it runs at once. For what must only be told after the fact
     * (publishing an event, waking a worker). A task that throws is logged, never undoes the commit.
     */
    void afterCommit(Runnable task);

    /**
     * The next id for a table, from CastPanel's own id sequence (the same on every database).
     * Ids are handed out in blocks, so they rise but may skip numbers across restarts.
     */
    long nextId(String table);
}
