/**
 * CastPanel's engine SPI. An engine plugin is one bundle that registers an {@link
 * org.castpanel.engine.api.EngineFactory} service; the core finds it in the service registry,
 * asks it for an {@link org.castpanel.engine.api.EngineHandler} per media service and drives
 * the handler from its durable action queue. Plugins use the platform services declared here
 * (ports, processes, directories, config files) rather than their own.
 *
 * <p>
 * Compatibility: interfaces a plugin implements are {@code @ConsumerType} and evolve only by
 * default methods; interfaces the core implements are {@code @ProviderType}.
 */
@org.osgi.annotation.versioning.Version("1.7.0")
package org.castpanel.engine.api;
