/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's answer to its daemons' callbacks (see {@link Callbacks}). Called on an HTTP thread
 * after the secret was checked: answer quickly, never block on a daemon. A handler that throws
 * answers 500 and is logged.
 */
@ConsumerType
@FunctionalInterface
public interface CallbackHandler {

    CallbackReply handle(CallbackRequest request) throws Exception;
}
