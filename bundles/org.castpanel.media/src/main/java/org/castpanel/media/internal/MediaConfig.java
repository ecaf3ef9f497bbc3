/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.castpanel.media.cfg}. */
@ObjectClassDefinition(name = "CastPanel media library")
public @interface MediaConfig {

    @AttributeDefinition(description = "ffprobe, which reads what a file is and its tags")
    String ffprobe() default "/usr/bin/ffprobe";

    @AttributeDefinition(description = "ffmpeg, which measures loudness and copies out cover art")
    String ffmpeg() default "/usr/bin/ffmpeg";

    @AttributeDefinition(description = "The largest file accepted by upload, in MiB")
    long maxUploadMb() default 2048;

    @AttributeDefinition(description = "Hours an unfinished upload is kept before its bytes are deleted")
    int uploadExpiryHours() default 24;

    @AttributeDefinition(description = "The SFTP server's port (0: no SFTP)")
    int sftpPort() default 2022;

    @AttributeDefinition(description = "The address the SFTP server listens on")
    String sftpHost() default "0.0.0.0";
}
