/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.castpanel.accounts.api.AccountService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first administrator on a fresh database. Its password comes from
 * {@code CASTPANEL_ADMIN_PASSWORD}; without it one is generated and written, once, to
 * {@code data/castpanel/initial-admin-password} (mode 600), which {@code ./castpanel} prints and
 * removes. There is never a fixed default password.
 */
@Component(immediate = true, configurationPid = AccountsConfig.PID)
public class AdministratorBootstrap {

    static final String PASSWORD_ENV = "CASTPANEL_ADMIN_PASSWORD";
    static final String PASSWORD_FILE = "initial-admin-password";

    private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);

    @Activate
    public AdministratorBootstrap(final @Reference AccountService accounts, final AccountsConfig config)
            throws IOException {
        String fromEnv = System.getenv(PASSWORD_ENV);
        boolean generated = fromEnv == null || fromEnv.isEmpty();
        String password = generated ? Secrets.password() : fromEnv;
        if (!accounts.bootstrapAdministrator(config.adminUsername(), password)) {
            return;
        }
        if (!generated) {
            LOG.info(
                    "Created the first administrator '{}' with the password from {}",
                    config.adminUsername(),
                    PASSWORD_ENV);
            return;
        }
        Path file = Path.of(System.getProperty("karaf.data", "data"), "castpanel", PASSWORD_FILE);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, config.adminUsername() + " " + password + "\n", StandardCharsets.UTF_8);
        LOG.warn(
                "Created the first administrator '{}' with a generated password, written to {}",
                config.adminUsername(),
                file);
    }
}
