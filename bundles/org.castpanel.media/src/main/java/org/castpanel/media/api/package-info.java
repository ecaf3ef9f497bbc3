/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The media library: every customer's tracks and videos in {@code content/user_{id}/}, shared by
 * all of that customer's services, indexed with what the files themselves say (ffprobe) and what
 * the customer edited. The AutoDJ plays from it. Implemented by this bundle.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.castpanel.media.api;
