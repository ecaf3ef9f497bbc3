/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.util.Map;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What an encoder or listener needs to reach a media service (server, port, mount, source
 * credentials, listen URL), as its engine reports it. Secrets: only the owner and those who manage
 * it get them. Blocking: asks the engine, with a time limit.
 */
@ProviderType
public interface ServiceConnection {

    Map<String, String> details(Caller caller, long serviceId);
}
