/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.api;

import java.io.InputStream;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Resumable uploads into a library (the server side of the tus 1.0 protocol: the REST layer maps
 * its headers). The quota is checked when an upload is created, against its declared length and
 * every other upload in progress, so bytes that would not fit are never stored. Bytes received
 * before a connection drops are kept; the client asks for the offset and goes on from there. A
 * completed upload is probed: anything the engines cannot play is refused and deleted.
 */
@ProviderType
public interface MediaUploads {

    Upload create(Caller caller, long accountId, String folder, String name, long lengthBytes);

    Upload get(Caller caller, String uploadId);

    /**
     * Appends what {@code body} gives at {@code offset} (which must be the upload's current
     * offset: 409 otherwise). Returns the upload as it stands, with the file once complete.
     */
    Upload append(Caller caller, String uploadId, long offset, InputStream body);

    void cancel(Caller caller, String uploadId);

    /** The largest upload accepted, in bytes. */
    long maxBytes();
}
