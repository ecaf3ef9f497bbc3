/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.Validation;
import org.castpanel.engine.api.Recordings;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.Store;
import org.castpanel.services.api.Recording;
import org.castpanel.services.api.ServiceRecordings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Recordings are plain files in {@code services/service_{id}/recordings/}; a name never leaves that folder. */
@Component(service = ServiceRecordings.class)
public class ServiceRecordingsImpl implements ServiceRecordings {

    private final Store store;
    private final AuditService audit;
    private final ServiceDirectories directories;

    @Activate
    public ServiceRecordingsImpl(
            final @Reference Store store,
            final @Reference AuditService audit,
            final @Reference ServiceDirectories directories) {
        this.store = store;
        this.audit = audit;
        this.directories = directories;
    }

    @Override
    public List<Recording> list(Caller caller, long serviceId) {
        Path folder = folder(caller, serviceId);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> Recordings.isName(f.getFileName().toString()) && Files.isRegularFile(f))
                    .map(ServiceRecordingsImpl::toRecording)
                    .sorted(Comparator.comparing(Recording::createdAt).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path file(Caller caller, long serviceId, String name) {
        Path file = folder(caller, serviceId).resolve(checked(name));
        if (!Files.isRegularFile(file)) {
            throw CastPanelException.notFound("recording", name);
        }
        return file;
    }

    @Override
    public void delete(Caller caller, long serviceId, String name) {
        Path file = file(caller, serviceId, name);
        store.write(em -> {
            MediaServiceEntity s = MediaServicesImpl.visible(em, caller, serviceId);
            audit.record(caller, "recording.delete", "service", s.id, s.ownerPath, name);
            try {
                Files.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private Path folder(Caller caller, long serviceId) {
        store.read(em -> MediaServicesImpl.visible(em, caller, serviceId));
        return Recordings.folder(directories.serviceDirectory(serviceId));
    }

    private static String checked(String name) {
        if (!Recordings.isName(name)) {
            throw CastPanelException.notFound("recording", name == null ? "" : Validation.abbreviate(name));
        }
        return name;
    }

    private static Recording toRecording(Path file) {
        try {
            return new Recording(
                    file.getFileName().toString(),
                    Files.size(file),
                    Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
