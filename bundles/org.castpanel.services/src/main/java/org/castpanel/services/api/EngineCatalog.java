/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.util.List;
import java.util.Optional;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine types installed plugins offer, and which of them administrators allow. Types whose
 * plugin is gone stay listed (unavailable) while services use them.
 */
@ProviderType
public interface EngineCatalog {

    List<EngineInfo> list();

    Optional<EngineInfo> get(String engineTypeId);

    /** Administrators only; audited. */
    EngineInfo setEnabled(Caller caller, String engineTypeId, boolean enabled);

    /**
     * The same engine with its label and its settings' labels and descriptions in {@code language}
     * (an ISO 639 code such as "de") where its plugin ships a translation; unchanged otherwise.
     */
    default EngineInfo localized(EngineInfo engine, String language) {
        return engine;
    }
}
