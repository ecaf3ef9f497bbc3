/**
 * Platform services the core offers engine plugins, so none reinvents them: port allocation,
 * a supervisor for local daemons, per-service and per-customer directories, safe config files, and the policy on outbound targets.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.castpanel.engine.api.platform;
