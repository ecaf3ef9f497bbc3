package org.castpanel.engine.api;

/** One connected listener or viewer, as the engine sees it. */
public record ListenerInfo(String address, String userAgent, long connectedSeconds) {
}
