/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

/** Completes an operation's stage to say: this failed, but trying again later may work (a port briefly busy, say). */
public class RetryableEngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RetryableEngineException(String message) {
        super(message);
    }

    public RetryableEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
