/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import java.util.List;
import java.util.Map;

/**
 * One authenticated callback: the scope its URL was made for, the event (the last path segment),
 * the HTTP method, the query and form parameters, and the caller's address.
 */
public record CallbackRequest(
        String scope, String event, String method, Map<String, List<String>> parameters, String remoteAddress) {

    public CallbackRequest {
        parameters = Map.copyOf(parameters);
    }

    /** The first value of a parameter, or null. */
    public String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The service id of a {@code service-<id>} scope, or -1 for any other scope. */
    public long serviceId() {
        if (scope.startsWith("service-")) {
            try {
                return Long.parseLong(scope.substring("service-".length()));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
