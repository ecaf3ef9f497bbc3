/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.api;

/**
 * What to list: one folder ("" the top), or with {@code q} a search of the whole library by
 * title, artist, album or file name. {@code sort}: name (default), title, artist, album,
 * duration, size, added; {@code descending} reverses it.
 */
public record MediaQuery(String folder, String q, String sort, boolean descending, int page, int size) {}
