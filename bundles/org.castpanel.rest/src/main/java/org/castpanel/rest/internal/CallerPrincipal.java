/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.security.Principal;

import org.castpanel.core.api.Caller;

/** The authenticated caller, carried through the JAX-RS security context. */
record CallerPrincipal(Caller caller, String bearer) implements Principal {

    @Override
    public String getName() {
        return caller.username();
    }
}
