/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import org.castpanel.itests.support.WithPanel;

/** The account scenarios on the embedded H2 database, the zero-setup default. */
@WithPanel("h2")
class H2AccountScenariosIT extends AccountScenarios {}
