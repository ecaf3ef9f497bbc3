/**
 * Durable events: what the coming mail, webhook and billing features must not miss. A change
 * writes its event with {@link org.castpanel.events.api.Outbox#record} in its own transaction; the
 * relay gives each {@link org.castpanel.events.api.OutboxListener} every event written since it
 * first registered, in order, at least once, also across restarts. The live bus for the web UI
 * stays {@link org.castpanel.core.api.PanelEvents}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.castpanel.events.api;
