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

/** A row of cp_account. Instants are epoch milliseconds. */
@Entity
@Table(name = "cp_account")
public class AccountEntity {
    @Id
    public long id;

    public String username;

    @Column(name = "username_lc")
    public String usernameLc;

    @Column(name = "password_hash")
    public String passwordHash;

    public String name;

    @Column(name = "contact_number")
    public String contactNumber;

    public String email;

    @Column(name = "account_type")
    public String accountType;

    public boolean enabled;

    @Column(name = "api_access")
    public boolean apiAccess;

    public boolean accessibility;

    @Column(name = "send_welcome_email")
    public boolean sendWelcomeEmail;

    public String timezone;
    public String language;

    @Column(name = "reseller_plan_id")
    public Long resellerPlanId;

    @Column(name = "parent_id")
    public Long parentId;

    public String path;

    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "locked_until")
    public Long lockedUntil;

    @Column(name = "default_service_type")
    public String defaultServiceType;
    /** Base32 TOTP secret; set while setting up two-factor and after, null otherwise */
    @Column(name = "totp_secret")
    public String totpSecret;

    @Column(name = "totp_enabled")
    public boolean totpEnabled;
    /** the last TOTP step a code was accepted for: no code works twice */
    @Column(name = "totp_last_step")
    public Long totpLastStep;

    @Column(name = "created_at")
    public long createdAt;

    @Column(name = "updated_at")
    public long updatedAt;

    @Version
    public long version;
}
