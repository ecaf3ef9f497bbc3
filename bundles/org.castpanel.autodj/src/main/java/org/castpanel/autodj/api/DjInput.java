/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.util.List;

/** A new DJ or the changes to one; null fields are left as they are (a new DJ: name and username required). */
public record DjInput(
        String name, String username, Integer priority, Boolean scheduledOnly, List<DjSlot> slots, Boolean enabled) {}
