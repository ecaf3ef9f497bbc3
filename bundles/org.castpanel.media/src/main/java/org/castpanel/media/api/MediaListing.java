/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.api;

import java.util.List;

import org.castpanel.core.api.Page;

/**
 * A folder of a library: its sub-folders by name and a page of its files; or, for a search, the
 * matching files of the whole library (then {@code folders} is empty).
 */
public record MediaListing(String folder, List<String> folders, Page<MediaFile> files, LibraryUsage usage) {}
