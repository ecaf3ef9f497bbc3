/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The AutoDJ's playout as users manage it: each AutoDJ service's playlists (of its owner's media
 * library), its play history and what is on the air now. Implemented by this bundle, which also
 * answers the engine plugin's {@link org.castpanel.engine.api.platform.Playout} questions.
 */
@org.osgi.annotation.versioning.Version("1.3.0")
package org.castpanel.autodj.api;
