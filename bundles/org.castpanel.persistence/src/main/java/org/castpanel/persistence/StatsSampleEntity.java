/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of cp_stats_sample: one statistics sample of a running service (kept for a bounded time). */
@Entity
@Table(name = "cp_stats_sample")
public class StatsSampleEntity {
    @Id
    public long id;

    @Column(name = "service_id")
    public long serviceId;

    public long at;
    public int listeners;

    @Column(name = "peak_listeners")
    public int peakListeners;

    @Column(name = "bytes_out")
    public long bytesOut;

    @Column(name = "source_connected")
    public boolean sourceConnected;

    public String title;
}
