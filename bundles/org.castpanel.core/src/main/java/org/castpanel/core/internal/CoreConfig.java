package org.castpanel.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the core, PID {@code org.castpanel.core} (etc/org.castpanel.core.cfg). */
@ObjectClassDefinition(name = "CastPanel core", description = "Accounts, logins and defaults")
public @interface CoreConfig {

    String PID = "org.castpanel.core";

    @AttributeDefinition(description = "Username of the first administrator, created on first start")
    String adminUsername() default "admin";

    @AttributeDefinition(description = "Time zone for new accounts when none is given (IANA id); empty = the system's")
    String defaultTimezone() default "";

    @AttributeDefinition(description = "Language for new accounts when none is given")
    String defaultLanguage() default "en";

    @AttributeDefinition(description = "How long a login session lasts without logging in again, in minutes")
    int sessionMinutes() default 720;

    @AttributeDefinition(description = "Failed logins in a row that lock the account")
    int lockAfterFailures() default 5;

    @AttributeDefinition(description = "How long a locked account stays locked, in minutes")
    int lockMinutes() default 15;

    @AttributeDefinition(description = "Delay added per consecutive failed login, in milliseconds (doubling, capped at 2 s)")
    int failureDelayMillis() default 250;
}
