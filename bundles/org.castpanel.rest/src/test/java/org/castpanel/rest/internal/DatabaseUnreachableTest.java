/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away" (503), and which are the panel's own (500). */
class DatabaseUnreachableTest {

    @Test
    void aPoolTimeoutOrABrokenConnectionAnywhereInTheCausesIsTheDatabaseBeingAway() {
        assertTrue(UnexpectedExceptionMapper.databaseUnreachable(new RuntimeException(
                "EclipseLink", new SQLTransientConnectionException("castpanel - Connection is not available"))));
        assertTrue(UnexpectedExceptionMapper.databaseUnreachable(
                new IllegalStateException(new SQLException("Socket fail to connect", "08S01"))));
        assertTrue(UnexpectedExceptionMapper.databaseUnreachable(
                new RuntimeException(new java.net.ConnectException("Connection refused"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(UnexpectedExceptionMapper.databaseUnreachable(new IllegalStateException("a bug")));
        assertFalse(UnexpectedExceptionMapper.databaseUnreachable(
                new RuntimeException(new SQLException("Duplicate entry", "23000"))));
    }

    @Test
    void theAnswerIsA503ThatSaysWhy() {
        javax.ws.rs.core.Response response = new UnexpectedExceptionMapper()
                .toResponse(new RuntimeException(new SQLTransientConnectionException("no connection")));
        assertEquals(503, response.getStatus());
        assertTrue(
                String.valueOf(response.getEntity()).contains("database is not reachable"),
                String.valueOf(response.getEntity()));
    }
}
