/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.dnas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An sc_serv 2.6 config file as the DNAS reads it: {@code key=value} lines, {@code ;} comment lines,
 * case-insensitive keys, per-stream keys with {@code _N} (no suffix meaning stream 1), repeatable
 * {@code include} with wildcards. Keys it does not know are reported, as the real server logs them.
 */
final class DnasConfig {

    /** One configured stream: {@code streamid_N} and its keys. */
    record Stream(int id, String path, int maxUser, String password, String adminPassword) {}

    private static final Set<String> GLOBAL = Set.of(
            "portbase",
            "portlegacy",
            "password",
            "adminpassword",
            "maxuser",
            "requirestreamconfigs",
            "publicserver",
            "logfile",
            "include",
            "metainterval");
    private static final Set<String> PER_STREAM =
            Set.of("streamid", "streampath", "streammaxuser", "streampassword", "streamadminpassword");
    private static final Pattern SUFFIXED = Pattern.compile("([a-z]+)_(\\d{1,10})");

    final int portBase;
    /** The legacy (v1) source port: portbase+1 unless {@code portlegacy} says otherwise; 0 = none. */
    final int portLegacy;

    final String password;
    final String adminPassword;
    final int maxUser;
    final boolean requireStreamConfigs;
    final String publicServer;
    final String logFile;
    final int metaInterval;
    /** By stream id, in id order. */
    final Map<Integer, Stream> streams;

    private DnasConfig(Map<String, String> global, Map<Integer, Map<String, String>> perStream) {
        portBase = intValue(global.get("portbase"), 8000);
        portLegacy = global.containsKey("portlegacy") ? intValue(global.get("portlegacy"), 0) : portBase + 1;
        password = global.getOrDefault("password", "");
        adminPassword = global.getOrDefault("adminpassword", "");
        maxUser = intValue(global.get("maxuser"), 512);
        requireStreamConfigs = "1".equals(global.get("requirestreamconfigs"));
        publicServer = global.getOrDefault("publicserver", "default");
        logFile = global.get("logfile");
        metaInterval = intValue(global.get("metainterval"), 16_000);
        Map<Integer, Stream> streams = new TreeMap<>();
        for (Map.Entry<Integer, Map<String, String>> entry : perStream.entrySet()) {
            Map<String, String> keys = entry.getValue();
            String id = keys.get("streamid");
            if (id == null) {
                continue; // keys of a stream that is not configured: ignored, as sc_serv does
            }
            int sid = intValue(id, 0);
            if (sid < 1) {
                continue;
            }
            int max = intValue(keys.get("streammaxuser"), 0);
            streams.put(
                    sid,
                    new Stream(
                            sid,
                            keys.getOrDefault("streampath", sid == 1 ? "/" : "/stream/" + sid + "/"),
                            max <= 0 || max > maxUser ? maxUser : max,
                            keys.getOrDefault("streampassword", password),
                            keys.getOrDefault("streamadminpassword", adminPassword)));
        }
        this.streams = streams;
    }

    /** The stream a source or listener names by id; for id 1, a default one when none is configured. */
    Stream stream(int sid) {
        Stream configured = streams.get(sid);
        if (configured != null || requireStreamConfigs || sid != 1) {
            return configured;
        }
        return new Stream(1, "/", maxUser, password, adminPassword);
    }

    /** Reads {@code file} (and what it includes); {@code warnings} hears about each key it does not know. */
    static DnasConfig read(Path file, Consumer<String> warnings) throws IOException {
        Map<String, String> global = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> perStream = new TreeMap<>();
        readInto(file, global, perStream, warnings, 0);
        return new DnasConfig(global, perStream);
    }

    private static void readInto(
            Path file,
            Map<String, String> global,
            Map<Integer, Map<String, String>> perStream,
            Consumer<String> warnings,
            int depth)
            throws IOException {
        if (depth > 8) {
            warnings.accept("include nested too deeply at " + file);
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                warnings.accept("Invalid item on line " + (n + 1) + " of " + file.getFileName() + ": " + line);
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            Matcher suffixed = SUFFIXED.matcher(key);
            String base = suffixed.matches() ? suffixed.group(1) : key;
            if (PER_STREAM.contains(base)) {
                int sid = suffixed.matches() ? intValue(suffixed.group(2), 0) : 1;
                perStream.computeIfAbsent(sid, s -> new LinkedHashMap<>()).put(base, value);
            } else if ("include".equals(key)) {
                for (Path included : expand(file.resolveSibling(value))) {
                    readInto(included, global, perStream, warnings, depth + 1);
                }
            } else if (GLOBAL.contains(key)) {
                global.put(key, value);
            } else {
                warnings.accept("Invalid item on line " + (n + 1) + " of " + file.getFileName() + ": " + key);
            }
        }
    }

    /** An include's files: the name itself, or every match of its wildcards, in name order. */
    private static List<Path> expand(Path pattern) throws IOException {
        String name = pattern.getFileName().toString();
        if (!name.contains("*") && !name.contains("?")) {
            return Files.isRegularFile(pattern) ? List.of(pattern) : List.of();
        }
        List<Path> matches = new ArrayList<>();
        Path folder = pattern.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return matches;
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, name)) {
            found.forEach(matches::add);
        }
        matches.sort(null);
        return matches;
    }

    private static int intValue(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
