/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the accounts area, PID {@code org.castpanel.core} (etc/org.castpanel.core.cfg; the
 * PID keeps its first name so installed configurations go on working).
 */
@ObjectClassDefinition(name = "CastPanel accounts", description = "Accounts, logins and defaults")
public @interface AccountsConfig {

    String PID = "org.castpanel.core";

    @AttributeDefinition(description = "Username of the first administrator, created on first start")
    String adminUsername() default "admin";

    @AttributeDefinition(description = "Time zone for new accounts when none is given (IANA id); empty = the system's")
    String defaultTimezone() default "";

    @AttributeDefinition(description = "Language for new accounts when none is given")
    String defaultLanguage() default "en";

    @AttributeDefinition(description = "How long a login session lasts without logging in again, in minutes")
    int sessionMinutes() default 720;

    @AttributeDefinition(
            description = "Failed logins in a row for one username from one address that lock that address "
                    + "out of that username")
    int lockAfterFailures() default 5;

    @AttributeDefinition(
            description = "Different usernames one address may fail to log in to before the address is "
                    + "locked out of every login")
    int addressLockAfterUsernames() default 20;

    @AttributeDefinition(
            description = "Failed logins in a row for one account, from all addresses together, that lock "
                    + "the account for everyone")
    int accountLockAfterFailures() default 20;

    @AttributeDefinition(description = "How long a session opened by 'log in as' lasts, in minutes")
    int impersonationMinutes() default 60;

    @AttributeDefinition(
            description = "Roles that must use two-factor authentication: comma-separated "
                    + "'administrators', 'resellers', 'customers'; empty: optional for everyone")
    String twoFactorRequiredFor() default "";

    @AttributeDefinition(description = "The shortest password accepted when one is set (never below 5)")
    int minPasswordLength() default 8;

    @AttributeDefinition(description = "How long a locked account stays locked, in minutes")
    int lockMinutes() default 15;

    @AttributeDefinition(
            description = "Every refused login answers after at least this long, known username or not; "
                    + "each further failure in a row doubles it, up to 2 s (milliseconds)")
    int failureDelayMillis() default 250;
}
