/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The media-services area: services and what a customer sees of them (connection details,
 * statistics, mount points, recordings, the action history), the engine catalog and the remote
 * engine-server registry as the panel's users see them. Implemented by this bundle and, for the
 * engine catalog and servers, by provisioning.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.castpanel.services.api;
