/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.shoutcast.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes sc_serv's config: {@code key=value} lines. sc_serv has no quoting, so a value that could
 * end its line or start a comment (a line break, {@code ;}, {@code #}) or carry control characters
 * is refused rather than escaped: no customer's text can add a key.
 */
final class ScServConf {

    /** One stream id: its path, its own listener limit (null: the server's) and source password. */
    record Stream(int id, String path, Integer maxUser, String password) {}

    record Settings(
            int portBase,
            String sourcePassword,
            String adminPassword,
            int maxUser,
            boolean publicServer,
            String logFile,
            List<Stream> streams) {}

    private static final Pattern SAFE = Pattern.compile("[^\\p{Cc}\\p{Zl}\\p{Zp};#]*");

    private ScServConf() {}

    static String write(Settings s) {
        if (s.sourcePassword().equals(s.adminPassword())) {
            throw new IllegalArgumentException("the source and admin passwords must differ");
        }
        StringBuilder conf = new StringBuilder("; written by CastPanel: changes here are overwritten\n");
        line(conf, "portbase", Integer.toString(s.portBase()));
        line(conf, "password", s.sourcePassword());
        line(conf, "adminpassword", s.adminPassword());
        line(conf, "maxuser", Integer.toString(s.maxUser()));
        line(conf, "publicserver", s.publicServer() ? "always" : "never");
        // sources may use only the stream ids configured here: a customer's encoder cannot open others
        line(conf, "requirestreamconfigs", "1");
        line(conf, "logfile", s.logFile());
        for (Stream stream : s.streams()) {
            String n = "_" + stream.id();
            line(conf, "streamid" + n, Integer.toString(stream.id()));
            line(conf, "streampath" + n, stream.path());
            if (stream.maxUser() != null) {
                line(conf, "streammaxuser" + n, Integer.toString(stream.maxUser()));
            }
            line(conf, "streampassword" + n, stream.password());
        }
        return conf.toString();
    }

    private static void line(StringBuilder conf, String key, String value) {
        conf.append(key).append('=').append(checked(key, value)).append('\n');
    }

    /** The value as sc_serv will read it back, or a refusal naming the key. */
    static String checked(String key, String value) {
        if (value == null || !SAFE.matcher(value).matches() || !value.equals(value.strip())) {
            throw new IllegalArgumentException(
                    key + " must be one line without ; # control characters or surrounding spaces");
        }
        return value;
    }
}
