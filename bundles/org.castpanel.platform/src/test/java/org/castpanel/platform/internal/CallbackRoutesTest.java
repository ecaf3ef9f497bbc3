/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.castpanel.engine.api.platform.CallbackReply;
import org.castpanel.engine.api.platform.CallbackRequest;
import org.junit.jupiter.api.Test;

class CallbackRoutesTest {

    private final CallbackRoutes routes = new CallbackRoutes(new byte[32], "http://127.0.0.1:8181/");
    private final List<CallbackRequest> seen = new CopyOnWriteArrayList<>();

    private CallbackReply call(String url, String event) {
        String path = url.substring("http://127.0.0.1:8181/castpanel-callbacks".length()) + "/" + event;
        return routes.dispatch(path, "POST", Map.of("name", List.of("abc")), "127.0.0.1");
    }

    @Test
    void aCallbackWithItsScopesSecretReachesTheEnginesHandler() throws Exception {
        routes.register("icecast", request -> {
            seen.add(request);
            return CallbackReply.text("ok");
        });
        String url = routes.url("icecast", "service-42");
        assertTrue(url.startsWith("http://127.0.0.1:8181/castpanel-callbacks/icecast/service-42/"), url);
        CallbackReply reply = call(url, "listener_add");
        assertEquals(200, reply.status());
        assertEquals("ok", reply.body());
        CallbackRequest request = seen.get(0);
        assertEquals("service-42", request.scope());
        assertEquals(42, request.serviceId());
        assertEquals("listener_add", request.event());
        assertEquals("abc", request.parameter("name"));
    }

    @Test
    void aWrongSecretAnotherScopeOrAnotherEngineIsNotFoundAndNeverReachesAHandler() {
        routes.register("icecast", request -> {
            seen.add(request);
            return CallbackReply.ok();
        });
        String mine = routes.url("icecast", "service-42");
        String token = mine.substring(mine.lastIndexOf('/') + 1);
        // service 43's daemon read service 42's secret out of its own config: it is useless there
        assertEquals(
                404,
                call(routes.url("icecast", "service-43").replaceAll("[^/]+$", token), "listener_add")
                        .status());
        assertEquals(
                404,
                call(mine.replaceAll("[^/]+$", "x" + token.substring(1)), "listener_add")
                        .status());
        assertEquals(
                404, call(mine.replace("/icecast/", "/nginx-rtmp/"), "publish").status());
        assertEquals(404, call(mine, "../../etc").status());
        assertEquals(404, routes.dispatch(null, "GET", Map.of(), "127.0.0.1").status());
        assertEquals(404, call(routes.url("shoutcast2", "engine"), "publish").status(), "no handler registered");
        assertTrue(seen.isEmpty());
    }

    @Test
    void aFailingHandlerAnswers500AndEachEngineHasOneHandler() throws Exception {
        AutoCloseable registration = routes.register("liquidsoap", request -> {
            throw new IllegalStateException("the library is unavailable");
        });
        assertEquals(500, call(routes.url("liquidsoap", "service-1"), "next").status());
        assertThrows(IllegalStateException.class, () -> routes.register("liquidsoap", r -> CallbackReply.ok()));
        registration.close();
        routes.register("liquidsoap", r -> CallbackReply.ok());
        assertEquals(200, call(routes.url("liquidsoap", "service-1"), "next").status());
        assertThrows(IllegalArgumentException.class, () -> routes.url("liquidsoap", "Service 1"));
        assertThrows(IllegalArgumentException.class, () -> routes.url("../x", "engine"));
    }
}
