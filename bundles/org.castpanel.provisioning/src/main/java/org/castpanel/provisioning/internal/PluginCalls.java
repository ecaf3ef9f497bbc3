/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.provisioning.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.castpanel.engine.api.platform.DaemonThreads;

/**
 * Every call into plugin code goes through here: on a thread of its own, with a time limit, and
 * with whatever the plugin throws turned into a {@link PluginFailure}. A plugin that hangs costs
 * one thread and a timeout, never the queue or the framework.
 */
final class PluginCalls implements AutoCloseable {

    /** A plugin call failed, threw, or did not answer in time. */
    static final class PluginFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean retryable;

        PluginFailure(String message, boolean retryable, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
        }
    }

    private final ExecutorService executor;

    PluginCalls(String name) {
        executor = Executors.newCachedThreadPool(DaemonThreads.named(name));
    }

    <T> T call(String what, Duration timeout, Callable<T> call) throws PluginFailure {
        Future<T> future = executor.submit(call);
        return await(what, timeout, future);
    }

    /** Calls an operation returning a stage and waits for the stage, all within {@code timeout}. */
    <T> T stage(String what, Duration timeout, Callable<CompletionStage<T>> call) throws PluginFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletionStage<T> stage = call(what, timeout, call);
        if (stage == null) {
            throw new PluginFailure(what + " returned no result", false, null);
        }
        long left = Math.max(1, deadline - System.nanoTime());
        return await(what, Duration.ofNanos(left), stage.toCompletableFuture());
    }

    private static <T> T await(String what, Duration timeout, Future<T> future) throws PluginFailure {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginFailure(what + " did not finish within " + timeout.toSeconds() + " s", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginFailure(what + " was interrupted", true, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof PluginFailure failure) {
                throw failure;
            }
            boolean retryable = cause instanceof org.castpanel.engine.api.RetryableEngineException;
            String message = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
            throw new PluginFailure(message, retryable, cause);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
