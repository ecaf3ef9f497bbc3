/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.castpanel.autodj.api.Dj;
import org.castpanel.autodj.api.DjCredentials;
import org.castpanel.autodj.api.DjInput;
import org.castpanel.autodj.api.DjSlot;
import org.castpanel.autodj.api.Djs;
import org.castpanel.autodj.api.LiveStatus;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.engine.api.platform.LiveSources;
import org.castpanel.persistence.DjEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.Store;
import org.castpanel.services.api.MediaServices;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Live DJs: their accounts ({@link Djs}) and who may broadcast now ({@link LiveSources}, asked by
 * the engine plugin when an encoder connects to the station's live input). Passwords are
 * generated here (20 random letters and digits, like an API key) so a SHA-256 digest is enough
 * and the check is fast: a DJ takes the air within a second or two. Who is live is kept in memory.
 */
@Component(service = {Djs.class, LiveSources.class, DjsImpl.class})
public class DjsImpl implements Djs, LiveSources {

    static final int MOST_DJS = 50;
    static final int MOST_SLOTS = 50;
    /** Failed logins from one address to one station within the window before it is refused for the window. */
    static final int MOST_FAILURES = 10;

    static final long FAILURE_WINDOW_MILLIS = 10 * 60_000;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<DjSlot>> SLOTS = new TypeReference<>() {};

    /** Who is on the air live, per service. */
    record Live(long djId, String name, int priority, Instant since) {}

    private final Store store;
    private final MediaServices services;
    private final AuditService audit;
    private final PanelEvents events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    /** Who was live last, per service: a recording is handed over after its DJ left. */
    private final Map<Long, Live> lastLive = new ConcurrentHashMap<>();

    private final DjFailures failures = new DjFailures(MOST_FAILURES, FAILURE_WINDOW_MILLIS, 10_000);

    @Activate
    public DjsImpl(
            final @Reference Store store,
            final @Reference MediaServices services,
            final @Reference AuditService audit,
            final @Reference PanelEvents events) {
        this(store, services, audit, events, Clock.systemDefaultZone());
    }

    DjsImpl(Store store, MediaServices services, AuditService audit, PanelEvents events, Clock clock) {
        this.store = store;
        this.services = services;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // --- accounts ----------------------------------------------------------------------------

    @Override
    public List<Dj> list(Caller caller, long serviceId) {
        return store.read(em -> {
            Stations.autodj(em, services, caller, serviceId, "DJs");
            return rows(em, serviceId).stream().map(this::toDj).toList();
        });
    }

    @Override
    public Dj get(Caller caller, long serviceId, long djId) {
        return store.read(em -> {
            Stations.autodj(em, services, caller, serviceId, "DJs");
            return toDj(row(em, serviceId, djId));
        });
    }

    @Override
    public DjCredentials create(Caller caller, long serviceId, DjInput input) {
        if (input == null) {
            throw CastPanelException.badRequest(null, "a DJ is required");
        }
        if (input.name() == null) {
            throw CastPanelException.invalid("name", "name is required");
        }
        if (input.username() == null) {
            throw CastPanelException.invalid("username", "username is required");
        }
        String password = password();
        return store.write(em -> {
            MediaServiceEntity s = Stations.autodj(em, services, caller, serviceId, "DJs");
            List<DjEntity> existing = rows(em, serviceId);
            if (existing.size() >= MOST_DJS) {
                throw CastPanelException.conflict(
                        "service " + serviceId + " has " + MOST_DJS + " DJs, the most it may have");
            }
            DjEntity d = new DjEntity();
            d.id = store.nextId("cp_autodj_dj");
            d.serviceId = serviceId;
            d.priority = 50;
            d.enabled = true;
            d.slots = "[]";
            d.createdAt = clock.millis();
            apply(d, input, existing);
            d.passwordDigest = digest(password);
            em.persist(d);
            audit.record(caller, "dj.create", "service", s.id, s.ownerPath, d.username);
            return new DjCredentials(toDj(d), password);
        });
    }

    @Override
    public Dj update(Caller caller, long serviceId, long djId, DjInput input) {
        if (input == null) {
            throw CastPanelException.badRequest(null, "the changes are required");
        }
        return store.write(em -> {
            MediaServiceEntity s = Stations.autodj(em, services, caller, serviceId, "DJs");
            DjEntity d = row(em, serviceId, djId);
            apply(
                    d,
                    input,
                    rows(em, serviceId).stream().filter(o -> o.id != djId).toList());
            audit.record(caller, "dj.update", "service", s.id, s.ownerPath, d.username);
            return toDj(d);
        });
    }

    @Override
    public DjCredentials resetPassword(Caller caller, long serviceId, long djId) {
        String password = password();
        return store.write(em -> {
            MediaServiceEntity s = Stations.autodj(em, services, caller, serviceId, "DJs");
            DjEntity d = row(em, serviceId, djId);
            d.passwordDigest = digest(password);
            audit.record(caller, "dj.password", "service", s.id, s.ownerPath, d.username);
            return new DjCredentials(toDj(d), password);
        });
    }

    @Override
    public void delete(Caller caller, long serviceId, long djId) {
        store.write(em -> {
            MediaServiceEntity s = Stations.autodj(em, services, caller, serviceId, "DJs");
            DjEntity d = row(em, serviceId, djId);
            em.remove(d);
            audit.record(caller, "dj.delete", "service", s.id, s.ownerPath, d.username);
            return null;
        });
    }

    @Override
    public LiveStatus live(long serviceId) {
        Live l = live.get(serviceId);
        return l == null ? null : new LiveStatus(l.name(), l.since());
    }

    /** Validates the whole input before it changes anything: a refused change leaves the row as it was. */
    private void apply(DjEntity d, DjInput in, List<DjEntity> others) {
        String name = d.name;
        if (in.name() != null) {
            name = DisplayNames.checked(in.name());
        }
        String username = d.username;
        if (in.username() != null) {
            username = in.username().strip();
            if (!USERNAME.matcher(username).matches() || username.equals("source")) {
                throw CastPanelException.invalid(
                        "username",
                        "username must be 3-32 of a-z 0-9 . _ - starting with a letter or digit, and not 'source'"
                                + " (what encoders send when they have no user name field)");
            }
            String u = username;
            if (others.stream().anyMatch(o -> o.username.equals(u))) {
                throw CastPanelException.conflict(
                        "username", "service " + d.serviceId + " already has a DJ " + username);
            }
        }
        int priority = d.priority;
        if (in.priority() != null) {
            if (in.priority() < 0 || in.priority() > 100) {
                throw CastPanelException.invalid("priority", "priority must be 0-100");
            }
            priority = in.priority();
        }
        List<DjSlot> slots = read(d.slots);
        if (in.slots() != null) {
            if (in.slots().size() > MOST_SLOTS) {
                throw CastPanelException.invalid("slots", "a DJ has at most " + MOST_SLOTS + " weekly slots");
            }
            for (int i = 0; i < in.slots().size(); i++) {
                DjSlot slot = in.slots().get(i);
                if (slot == null || slot.day() == null) {
                    throw CastPanelException.invalid("slots[" + i + "]", "a slot needs a day (MONDAY-SUNDAY)");
                }
                int start = DjSlot.minutes(slot.start());
                int end = DjSlot.minutes(slot.end());
                if (start < 0 || start == 24 * 60 || end < 0) {
                    throw CastPanelException.invalid(
                            "slots[" + i + "]", "a slot starts and ends at HH:MM times (the end may be 24:00)");
                }
                if (end <= start) {
                    throw CastPanelException.invalid(
                            "slots[" + i + "]",
                            "a slot ends after it starts, on the same day; one across midnight is two slots");
                }
            }
            slots = List.copyOf(in.slots());
        }
        boolean scheduledOnly = in.scheduledOnly() != null ? in.scheduledOnly() : d.scheduledOnly;
        if (scheduledOnly && slots.isEmpty()) {
            throw CastPanelException.invalid("slots", "a DJ with scheduled access only needs at least one slot");
        }
        d.name = name;
        d.username = username;
        d.priority = priority;
        d.slots = write(slots);
        d.scheduledOnly = scheduledOnly;
        if (in.enabled() != null) {
            d.enabled = in.enabled();
        }
    }

    // --- who may broadcast -------------------------------------------------------------------

    @Override
    public Answer authorize(long serviceId, String user, String password, String address) {
        long now = clock.millis();
        if (failures.locked(serviceId, address, now)) {
            return Answer.REFUSED;
        }
        DjEntity dj = store.read(em -> find(em, serviceId, user, password));
        if (dj == null || !mayBroadcast(dj)) {
            failures.failed(serviceId, address, now);
            return Answer.REFUSED;
        }
        failures.succeeded(serviceId, address);
        Live current = live.get(serviceId);
        if (current == null) {
            return Answer.ALLOWED;
        }
        // a higher priority takes the air; so does the same DJ again (its encoder reconnecting)
        return current.djId() == dj.id || dj.priority > current.priority() ? Answer.PRE_EMPT : Answer.REFUSED;
    }

    @Override
    public void connected(long serviceId, String user, String password) {
        Instant since = clock.instant();
        DjEntity dj = store.write(em -> {
            DjEntity d = find(em, serviceId, user, password);
            if (d != null) {
                d.lastLiveAt = since.toEpochMilli();
            }
            return d;
        });
        Live now = dj == null
                ? new Live(-1, user, Integer.MAX_VALUE, since)
                : new Live(dj.id, dj.name, dj.priority, since);
        live.put(serviceId, now);
        lastLive.put(serviceId, now);
        publish(serviceId, new LiveStatus(now.name(), since));
    }

    @Override
    public void disconnected(long serviceId) {
        if (live.remove(serviceId) != null) {
            publish(serviceId, null);
        }
    }

    /** The DJ who was live last on the service (still or not), if any since the panel started. */
    Optional<Live> lastLive(long serviceId) {
        return Optional.ofNullable(lastLive.get(serviceId));
    }

    @Override
    public boolean mayStay(long serviceId) {
        Live l = live.get(serviceId);
        if (l == null || l.djId() < 0) {
            return true; // not one the panel let in (a restart in between): nothing to hold it to
        }
        DjEntity dj = store.read(em -> em.find(DjEntity.class, l.djId()));
        return dj != null && mayBroadcast(dj);
    }

    /** The DJ the credentials stand for, or null. */
    private DjEntity find(EntityManager em, long serviceId, String name, String secret) {
        if (secret == null) {
            return null;
        }
        List<DjEntity> rows = em.createQuery(
                        "SELECT d FROM DjEntity d WHERE d.serviceId = :s AND d.username = :u", DjEntity.class)
                .setParameter("s", serviceId)
                .setParameter("u", name == null ? "" : name)
                .getResultList();
        String given = digest(secret);
        return rows.stream()
                .filter(d -> MessageDigest.isEqual(
                        d.passwordDigest.getBytes(StandardCharsets.US_ASCII),
                        given.getBytes(StandardCharsets.US_ASCII)))
                .findFirst()
                .orElse(null);
    }

    private boolean mayBroadcast(DjEntity dj) {
        if (!dj.enabled) {
            return false;
        }
        if (!dj.scheduledOnly) {
            return true;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        return read(dj.slots).stream().anyMatch(s -> s.holds(now.getDayOfWeek(), now.toLocalTime()));
    }

    private void publish(long serviceId, LiveStatus status) {
        String ownerPath = store.read(em -> {
            MediaServiceEntity s = em.find(MediaServiceEntity.class, serviceId);
            return s == null ? null : s.ownerPath;
        });
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("serviceId", serviceId);
        data.put("live", status);
        events.publish(new PanelEvents.Event("autodj.live", ownerPath, data));
    }

    /** The service is gone: its DJs go too. */
    void forget(long serviceId) {
        live.remove(serviceId);
        lastLive.remove(serviceId);
        store.write(em -> em.createQuery("DELETE FROM DjEntity d WHERE d.serviceId = :s")
                .setParameter("s", serviceId)
                .executeUpdate());
    }

    // --- rows --------------------------------------------------------------------------------

    private static List<DjEntity> rows(EntityManager em, long serviceId) {
        return em.createQuery("SELECT d FROM DjEntity d WHERE d.serviceId = :s ORDER BY d.id", DjEntity.class)
                .setParameter("s", serviceId)
                .getResultList();
    }

    private static DjEntity row(EntityManager em, long serviceId, long djId) {
        DjEntity d = em.find(DjEntity.class, djId);
        if (d == null || d.serviceId != serviceId) {
            throw CastPanelException.notFound("DJ", djId);
        }
        return d;
    }

    private Dj toDj(DjEntity d) {
        Live l = live.get(d.serviceId);
        return new Dj(
                d.id,
                d.serviceId,
                d.name,
                d.username,
                d.priority,
                d.scheduledOnly,
                read(d.slots),
                d.enabled,
                l != null && l.djId() == d.id,
                d.lastLiveAt == null ? null : Instant.ofEpochMilli(d.lastLiveAt),
                Instant.ofEpochMilli(d.createdAt));
    }

    private String password() {
        StringBuilder p = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            p.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return p.toString();
    }

    static String digest(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<DjSlot> read(String json) {
        try {
            return json == null ? List.of() : new ArrayList<>(JSON.readValue(json, SLOTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored DJ slots are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(List<DjSlot> slots) {
        try {
            return JSON.writeValueAsString(slots);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
