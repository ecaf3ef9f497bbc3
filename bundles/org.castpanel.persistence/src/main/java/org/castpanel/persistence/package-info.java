/**
 * CastPanel's JPA entities and the {@link org.castpanel.persistence.Store} that runs units of
 * work against them. Only core bundles use this package; entities never reach the REST API.
 * Entities expose plain public fields: they are rows, not objects with behaviour, and the core
 * maps them to API records.
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package org.castpanel.persistence;
