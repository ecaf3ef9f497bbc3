package org.castpanel.events.api;

import java.time.Instant;

/** One durable event as a listener receives it; {@code data} is JSON. */
public record OutboxEvent(long id, String type, String ownerPath, String data, Instant at) {
}
