/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import org.castpanel.itests.support.WithPanel;

/** The account scenarios on the real MariaDB server, the production database. */
@WithPanel("mariadb")
class MariaDbAccountScenariosIT extends AccountScenarios {}
