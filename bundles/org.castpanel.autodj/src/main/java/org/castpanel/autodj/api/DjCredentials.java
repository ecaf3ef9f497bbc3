/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

/** A DJ with the password the panel just generated: the only time it is shown. */
public record DjCredentials(Dj dj, String password) {}
