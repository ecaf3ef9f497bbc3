/**
 * The durable action queue of media services: the one way anything in the panel asks for an
 * engine operation (start, stop, restart, reload, delete), whether a user asked or the panel
 * decided on its own. See {@link org.castpanel.queue.api.ActionQueue}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.castpanel.queue.api;
