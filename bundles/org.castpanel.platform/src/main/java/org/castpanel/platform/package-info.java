/**
 * The platform bundle's own API: its implementations of the engine SPI's platform services for use
 * outside the framework (tests). Everything else of this bundle is internal.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.castpanel.platform;
