/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import java.util.Map;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A row of cp_media_service. {@code ownerPath} copies the owner's hierarchy path so tenancy
 * filters are a prefix match; {@code desiredState} is what should run (the reconciler's goal),
 * {@code state} what last ran. Engine-specific settings are a JSON object in {@code configJson}.
 */
@Entity
@Table(name = "cp_media_service")
public class MediaServiceEntity {
    @Id
    public long id;

    @Column(name = "owner_id")
    public long ownerId;

    @Column(name = "owner_path")
    public String ownerPath;

    @Column(name = "engine_type")
    public String engineType;

    public String node;
    public String name;

    @Column(name = "desired_state")
    public String desiredState;

    public String state;

    @Column(name = "state_detail")
    public String stateDetail;

    public boolean suspended;
    public boolean deleting;

    @Column(name = "max_listeners")
    public Integer maxListeners;

    @Column(name = "max_bitrate_kbps")
    public Integer maxBitrateKbps;

    @Column(name = "disk_quota_mb")
    public Long diskQuotaMb;

    @Column(name = "data_transfer_gb")
    public Long dataTransferGb;

    @Column(name = "mount_points")
    public Integer mountPoints;

    @Column(name = "config_json")
    public String configJson;
    /** For a source service (an AutoDJ): the server service it feeds; null for a server service. */
    @Column(name = "attached_to")
    public Long attachedTo;
    /** For a service of a remote engine type: the registered server it was placed on. */
    @Column(name = "engine_server_id")
    public Long engineServerId;

    @Column(name = "created_at")
    public long createdAt;

    @Column(name = "updated_at")
    public long updatedAt;

    @Version
    public long version;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The engine settings stored in {@code configJson}: the one place they are parsed. */
    public Map<String, Object> settings() {
        try {
            return configJson == null ? Map.of() : JSON.readValue(configJson, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored settings of service " + id + " are not JSON", e);
        }
    }

    /** Stores {@code settings} as {@code configJson}. */
    public void settings(Map<String, Object> settings) {
        try {
            configJson = JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("service settings must be JSON values", e);
        }
    }
}
