package org.castpanel.core.api;

import java.time.Instant;

/** A logged-in session: the bearer token (only ever shown here) and whom it acts as. */
public record Session(String token, Instant expiresAt, Account account, Long impersonatorId) {
}
