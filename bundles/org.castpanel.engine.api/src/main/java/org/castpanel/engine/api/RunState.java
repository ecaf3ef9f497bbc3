package org.castpanel.engine.api;

/** What a probe found: the service runs, is stopped, failed (with a detail), or cannot be told. */
public enum RunState {
    RUNNING,
    STOPPED,
    FAILED,
    UNKNOWN
}
