/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Turns quick, blocking handler work into the stages {@link EngineHandler} returns: whatever it
 * throws completes the stage exceptionally, so a handler never throws into the panel.
 */
public final class Stages {

    /** Work that may fail with an I/O error. */
    @FunctionalInterface
    public interface Step {
        void run() throws IOException;
    }

    /** Work with a result that may fail with an I/O error. */
    @FunctionalInterface
    public interface Supply<T> {
        T get() throws IOException;
    }

    private Stages() {}

    /** Computes {@code supply} now, on the calling thread. */
    public static <T> CompletionStage<T> supply(Supply<T> supply) {
        try {
            return CompletableFuture.completedFuture(supply.get());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Runs {@code step} now, on the calling thread. */
    public static CompletionStage<Void> run(Step step) {
        try {
            step.run();
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
