/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.lang.reflect.Proxy;
import java.util.function.Consumer;

import org.castpanel.core.api.PanelEvents;
import org.castpanel.persistence.Store;

/** The account service on a test database, with its configuration's defaults and no live events. */
final class TestAccounts {

    private TestAccounts() {}

    static AccountServiceImpl service(Store store) {
        AccountsConfig defaults = (AccountsConfig) Proxy.newProxyInstance(
                AccountsConfig.class.getClassLoader(),
                new Class<?>[] {AccountsConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
        PanelEvents events = new PanelEvents() {
            @Override
            public void publish(Event event) {}

            @Override
            public AutoCloseable subscribe(Consumer<Event> listener) {
                return () -> {};
            }
        };
        return new AccountServiceImpl(store, events, null, null, defaults);
    }
}
