/**
 * Platform services the core offers engine plugins, so none reinvents them: port allocation,
 * a supervisor for local daemons, per-service and per-customer directories, and safe config files.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.castpanel.engine.api.platform;
