/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running panel per database for the whole test run, shared by every test class that asks
 * for it (a Karaf boot costs seconds); JUnit closes them when the run ends.
 */
public final class Panels {

    private Panels() {}

    public static Panel h2(ExtensionContext context) {
        return shared(context, "h2", Database::h2);
    }

    public static Panel mariaDb(ExtensionContext context) {
        return shared(context, "mariadb", Database::mariaDb);
    }

    private static Panel shared(ExtensionContext context, String key, Supplier<Database> database) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(Panels.class));
        return store.getOrComputeIfAbsent(key, k -> new Closing(Panel.start(database.get())), Closing.class)
                .panel();
    }

    /** Adapts a panel to JUnit's store, which closes what it holds when the run ends. */
    record Closing(Panel panel) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            panel.close();
        }
    }
}
