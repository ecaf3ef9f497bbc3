/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

/** How a scheduled playlist's show comes back after its first start. */
public enum ScheduleRepeat {
    /** Once, at its start. */
    NONE,
    /** Every day at the start's time. */
    DAILY,
    /** Every week on the start's day of the week. */
    WEEKLY,
    /** Every month on the start's day of the month (not in months without that day). */
    MONTHLY
}
