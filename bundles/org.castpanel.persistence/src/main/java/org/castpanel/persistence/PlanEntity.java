/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of cp_reseller_plan; allowed engine types are a comma-separated list (empty = all). */
@Entity
@Table(name = "cp_reseller_plan")
public class PlanEntity {
    @Id
    public long id;

    public String name;

    @Column(name = "owner_id")
    public long ownerId;

    @Column(name = "autodj_allowed")
    public boolean autoDjAllowed;

    @Column(name = "autodj_quota")
    public Integer autoDjQuota;

    @Column(name = "proxy_allowed")
    public boolean proxyAllowed;

    @Column(name = "max_listeners")
    public Integer maxListeners;

    @Column(name = "max_data_transfer_gb")
    public Long maxDataTransferGb;

    @Column(name = "max_bitrate_kbps")
    public Integer maxBitrateKbps;

    @Column(name = "server_limit")
    public Integer serverLimit;

    @Column(name = "disk_quota_mb")
    public Long diskQuotaMb;

    @Column(name = "allowed_engine_types")
    public String allowedEngineTypes;

    @Column(name = "sub_resellers_allowed")
    public boolean subResellersAllowed;

    @Column(name = "suspend_over_transfer")
    public boolean suspendOverTransfer;

    @Column(name = "created_at")
    public long createdAt;

    @Column(name = "updated_at")
    public long updatedAt;

    @Version
    public long version;
}
