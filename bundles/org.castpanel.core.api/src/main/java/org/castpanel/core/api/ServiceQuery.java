package org.castpanel.core.api;

/** Filters for listing services; null filters match everything. Newest first. */
public record ServiceQuery(Long ownerId, String engineType, ServiceState state, Boolean suspended, int page, int size) {
}
