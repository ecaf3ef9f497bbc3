package org.castpanel.engine.api;

/** Whether an engine streams audio (radio) or video. */
public enum MediaKind {
    AUDIO,
    VIDEO
}
