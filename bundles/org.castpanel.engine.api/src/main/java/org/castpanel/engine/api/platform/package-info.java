/**
 * Platform services the core offers engine plugins, so none reinvents them: port allocation,
 * a supervisor for local daemons, per-service and per-customer directories, safe config files, the policy on outbound targets, and the playout of AutoDJ stations.
 */
@org.osgi.annotation.versioning.Version("1.6.0")
package org.castpanel.engine.api.platform;
