/**
 * CastPanel's core API: accounts and their hierarchy, reseller plans, authentication, audit.
 * The value types here are also what the REST API puts on the wire; entities never leave the
 * persistence bundle.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.castpanel.core.api;
