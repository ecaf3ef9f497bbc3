/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of cp_media_upload: a resumable upload in progress (its bytes so far are in a part file). */
@Entity
@Table(name = "cp_media_upload")
public class MediaUploadEntity {
    /** a long random token: knowing it is not enough, the upload also belongs to an account */
    @Id
    public String id;

    @Column(name = "account_id")
    public long accountId;

    public String folder;
    public String name;

    @Column(name = "length_bytes")
    public long lengthBytes;

    @Column(name = "offset_bytes")
    public long offsetBytes;

    @Column(name = "created_by")
    public long createdBy;

    @Column(name = "created_at")
    public long createdAt;

    @Column(name = "expires_at")
    public long expiresAt;
}
