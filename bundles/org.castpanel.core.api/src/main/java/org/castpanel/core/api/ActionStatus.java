package org.castpanel.core.api;

/** An action's progress through the queue. */
public enum ActionStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}
