/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

import java.util.List;

/** One page of a list, with the total number of matching items. Pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {}
