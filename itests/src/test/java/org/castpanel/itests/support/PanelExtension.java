/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Resolves {@link Panel} parameters to the shared panel that the class's {@link WithPanel} names. */
public final class PanelExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Panel.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String database = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithPanel.class)
                .map(WithPanel::value)
                .orElse("h2");
        return switch (database) {
            case "h2" -> Panels.h2(context);
            case "mariadb" -> Panels.mariaDb(context);
            default -> throw new IllegalArgumentException("no such test database: " + database);
        };
    }
}
