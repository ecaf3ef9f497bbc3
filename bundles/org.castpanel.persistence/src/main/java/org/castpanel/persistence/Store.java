package org.castpanel.persistence;

import java.util.function.Function;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs a unit of work against CastPanel's database. Each call gets its own entity manager;
 * {@link #write} wraps it in a transaction that commits when the function returns and rolls
 * back when it throws (the exception propagates unchanged). Blocking; safe from any thread.
 * The service appears only once the schema migrations have run.
 */
@ProviderType
public interface Store {

    <T> T read(Function<EntityManager, T> work);

    <T> T write(Function<EntityManager, T> work);

    /**
     * The next id for a table, from CastPanel's own id sequence (the same on every database).
     * Ids are handed out in blocks, so they rise but may skip numbers across restarts.
     */
    long nextId(String table);
}
