/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.liquidsoap.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Liquidsoap 2.1 script of one AutoDJ station. The panel chooses every track (the script asks
 * its callback URL and plays what it answers); a local fallback playlist keeps the station on air
 * while the panel cannot answer; live DJs on the harbor, authenticated by the panel, pre-empt the
 * AutoDJ at once; the result goes to the server service the station feeds. Every customer-given
 * text is a {@link LiqString} expression; every other value is a number or a path or URL the
 * platform made, and is checked here too.
 */
final class StationScript {

    /** The encodings a station can send, as Debian's liquidsoap 2.1 encodes them. */
    enum Format {
        MP3,
        AAC,
        OPUS
    }

    /** Where and how the station sends its audio: the server service's source endpoint. */
    record Output(
            boolean shoutcast,
            String host,
            int port,
            String mount,
            String user,
            String password,
            Format format,
            int bitrateKbps,
            String name,
            String description,
            String genre,
            String url) {}

    /**
     * One station: its folder (control socket, fallback playlist), the panel's callback URL (the
     * events {@code next}, {@code on-air}, {@code dj}, {@code live-on}, {@code live-off} go below
     * it), its live input and output.
     */
    record Station(
            Path directory,
            String callbacks,
            int harborPort,
            String harborMount,
            double crossfadeSeconds,
            boolean allowRoot,
            Output output,
            boolean recordLive,
            int shoutcastDjPort) {

        /** Without SHOUTcast v1 DJs ({@code shoutcastDjPort} 0). */
        Station(
                Path directory,
                String callbacks,
                int harborPort,
                String harborMount,
                double crossfadeSeconds,
                boolean allowRoot,
                Output output,
                boolean recordLive) {
            this(directory, callbacks, harborPort, harborMount, crossfadeSeconds, allowRoot, output, recordLive, 0);
        }

        /** A station whose live shows are not recorded. */
        Station(
                Path directory,
                String callbacks,
                int harborPort,
                String harborMount,
                double crossfadeSeconds,
                boolean allowRoot,
                Output output) {
            this(directory, callbacks, harborPort, harborMount, crossfadeSeconds, allowRoot, output, false);
        }
    }

    /** Where liquidsoap writes a live show while it is on; the panel takes each file when it closes. */
    static final String RECORDING_FOLDER = "recording";

    /** The names liquidsoap gives its recordings (from the strftime pattern below). */
    static final Pattern RECORDING_NAME = Pattern.compile("live-[0-9]{8}-[0-9]{6}\\.mp3");

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,253}");
    private static final Pattern MOUNT = Pattern.compile("/?[A-Za-z0-9._-]{1,64}");

    /**
     * The parts of liquidsoap's standard library a station's script uses, in the order its
     * {@code stdlib.liq} includes them. Liquidsoap runs with {@code --no-stdlib} and these alone: with
     * the whole library (HLS, video, GStreamer, telnet, youtube-dl, ...) every station's process held
     * 112 MB of private memory once connected, with these 67 MB (Debian's 2.1.3). What the script needs of the library's
     * telnet part, the harbor's stop command, it defines itself.
     */
    static final List<String> LIBRARY = List.of(
            "error",
            "null",
            "ref",
            "list",
            "math",
            "getter",
            "log",
            "thread",
            "process",
            "string",
            "file",
            "switches",
            "utils",
            "metadata",
            "native",
            "playlist",
            "source",
            "fades",
            "shoutcast");

    private StationScript() {}

    /** How liquidsoap runs a station's script (with {@code --check}: only checks it). */
    static List<String> command(String binary, Path script, boolean check) {
        return check
                ? List.of(binary, "--no-stdlib", "--check", script.toString())
                : List.of(binary, "--no-stdlib", script.toString());
    }

    static String write(Station s) {
        Output o = s.output();
        if (!HOST.matcher(o.host()).matches()) {
            throw new IllegalArgumentException("not a host: " + o.host());
        }
        if (!MOUNT.matcher(o.mount()).matches()
                || !MOUNT.matcher(s.harborMount()).matches()) {
            throw new IllegalArgumentException("mounts are / and 1-64 of A-Z a-z 0-9 . _ -");
        }
        port(o.port());
        port(s.harborPort());
        if (s.shoutcastDjPort() != 0) {
            port(s.shoutcastDjPort());
            port(s.shoutcastDjPort() + 1); // the ICY source port
        }
        if (o.bitrateKbps() < 8 || o.bitrateKbps() > 512) {
            throw new IllegalArgumentException("bitrate out of range: " + o.bitrateKbps());
        }
        if (!(s.crossfadeSeconds() >= 0 && s.crossfadeSeconds() <= 30)) {
            throw new IllegalArgumentException("crossfade must be 0-30 s: " + s.crossfadeSeconds());
        }
        Path dir = s.directory().toAbsolutePath().normalize();
        StringBuilder liq = new StringBuilder();
        liq.append("# written by CastPanel for this station; changes here are overwritten\n");
        for (String part : LIBRARY) {
            liq.append("%include <").append(part).append(".liq>\n");
        }
        liq.append("set_settings_ref(settings)\n");
        if (s.allowRoot()) {
            liq.append("settings.init.allow_root.set(true)\n");
        }
        // the log goes to standard output, which the platform's supervisor keeps (and shows on failure)
        liq.append("settings.log.stdout.set(true)\nsettings.log.file.set(false)\n");
        liq.append("settings.server.socket.set(true)\n");
        liq.append("settings.server.socket.path.set(")
                .append(LiqString.of(dir.resolve("liquidsoap.sock").toString()))
                .append(")\n");
        liq.append("settings.server.socket.permissions.set(0o600)\n\n");

        liq.append("# the panel chooses each next track; no answer: retry, and the fallback plays meanwhile\n");
        liq.append("def next_track() =\n");
        liq.append("  response = http.get(timeout_ms=2000, ")
                .append(LiqString.of(s.callbacks() + "/next"))
                .append(")\n");
        liq.append("  if response.status_code == 200 and string_of(response) != \"\" then\n");
        liq.append("    request.create(string_of(response))\n  else\n    null()\n  end\nend\n");
        liq.append(
                "# the panel's history and now playing: each of its tracks as the station starts it (on the\n# panel's own source, where every one begins; off the audio thread)\n");
        liq.append("def on_air(m) =\n  play = m[\"castpanel_play\"]\n  if play != \"\" then\n");
        liq.append("    log(label=\"castpanel\", \"on the air: \" ^ play)\n");
        liq.append("    thread.run(fast=true, fun () -> ignore(http.get(timeout_ms=2000, ")
                .append(LiqString.of(s.callbacks() + "/on-air"))
                .append(" ^ \"?play=\" ^ url.encode(play))))\n  end\nend\n");
        liq.append("upcoming = request.dynamic(id=\"next\", retry_delay=1.0, next_track)\n");
        liq.append("panel = source.on_track(upcoming, on_air)\n");
        liq.append("backup = playlist(id=\"fallback\", mode=\"randomize\", reload_mode=\"watch\", ")
                .append(LiqString.of(dir.resolve("fallback.m3u").toString()))
                .append(")\n");
        liq.append("tracks = fallback(id=\"autodj\", track_sensitive=true, [panel, backup])\n");
        liq.append("# loudness: the panel annotates each track with liq_amplify from the library's EBU R128 figure\n");
        liq.append("autodj = amplify(1.0, override=\"liq_amplify\", tracks)\n");
        liq.append("autodj = crossfade(duration=")
                .append(String.format(Locale.ROOT, "%.2f", s.crossfadeSeconds()))
                .append(", autodj)\n\n");
        String live = LiqString.of(s.callbacks() + "/live");
        liq.append(
                "# live DJs: the panel says who may broadcast now; a higher priority first cuts off the one on air\n");
        liq.append("live_on = ref(false)\n");
        liq.append("# disconnects the DJ on the air (set once the harbors exist)\n");
        liq.append("kick_live = ref(fun () -> ())\n");
        liq.append("def dj_auth(dj) =\n");
        liq.append("  response = http.get(timeout_ms=2000, ")
                .append(LiqString.of(s.callbacks() + "/dj"))
                .append(" ^ \"?user=\" ^ url.encode(dj.user) ^ \"&password=\" ^ url.encode(dj.password)")
                .append(" ^ \"&address=\" ^ url.encode(dj.address))\n");
        liq.append("  if response.status_code == 200 and string_of(response) == \"pre-empt\" and !live_on then\n");
        liq.append("    kick = !kick_live\n    kick()\n");
        liq.append("    waited = ref(0)\n");
        liq.append("    while !live_on and !waited < 40 do sleep(0.05) waited := !waited + 1 end\n");
        liq.append("    # the harbor needs a moment after a kick before it takes the next source\n");
        liq.append("    sleep(0.5)\n  end\n");
        liq.append("  response.status_code == 200\nend\n");
        liq.append("def live_connected(headers) =\n  live_on := true\n");
        liq.append("  authorization = list.assoc(default=list.assoc(default=\"\", \"authorization\", headers),")
                .append(" \"Authorization\", headers)\n");
        liq.append("  thread.run(fast=true, fun () -> ignore(http.get(timeout_ms=2000, ")
                .append(live)
                .append(" ^ \"-on?authorization=\" ^ url.encode(authorization))))\nend\n");
        liq.append("def live_disconnected() =\n  live_on := false\n");
        liq.append("  thread.run(fast=true, fun () -> ignore(http.get(timeout_ms=2000, ")
                .append(live)
                .append(" ^ \"-off\")))\nend\n");
        // a short buffer: the DJ is on the air about a second after connecting (the default 12 s is
        // why other panels take so long); only the AutoDJ side is crossfaded
        liq.append("live = input.harbor(id=\"live\", ")
                .append(LiqString.of(s.harborMount().replaceFirst("^/", "")))
                .append(", port=")
                .append(s.harborPort())
                .append(", buffer=0.5, max=10.0, auth=dj_auth, on_connect=live_connected,")
                .append(" on_disconnect=live_disconnected)\n");
        liq.append("kick_live := fun () -> live.stop()\n");
        if (s.shoutcastDjPort() != 0) {
            // SHOUTcast v1 encoders (ICY, no mount) send "user:password" as their password, which the
            // harbor splits; they connect to the port after the one they are given. The ICY protocol has
            // no Authorization header, so who connected is taken from the check that let them in.
            liq.append("# SHOUTcast v1 DJs: an ICY harbor of its own, checked by the panel like the other\n");
            liq.append("icy_user = ref(\"\")\nicy_password = ref(\"\")\n");
            liq.append("def dj_auth_icy(dj) =\n  ok = dj_auth(dj)\n");
            liq.append("  if ok then\n    icy_user := dj.user\n    icy_password := dj.password\n  end\n  ok\nend\n");
            liq.append("def live_icy_connected(_) =\n  live_on := true\n");
            liq.append("  thread.run(fast=true, fun () -> ignore(http.get(timeout_ms=2000, ")
                    .append(live)
                    .append(
                            " ^ \"-on?user=\" ^ url.encode(!icy_user) ^ \"&password=\" ^ url.encode(!icy_password))))\n");
            liq.append("end\n");
            liq.append("live_icy = input.harbor(id=\"live_icy\", \"/\", port=")
                    .append(s.shoutcastDjPort())
                    .append(", icy=true, buffer=0.5, max=10.0, auth=dj_auth_icy, on_connect=live_icy_connected,")
                    .append(" on_disconnect=live_disconnected)\n");
            liq.append("kick_live := fun () -> begin live.stop() live_icy.stop() end\n");
            liq.append("live = fallback(id=\"live_any\", track_sensitive=false, [live, live_icy])\n");
        }
        if (s.recordLive()) {
            liq.append("# live shows recorded as the service says; each file goes to the panel when it closes\n");
            liq.append("def recorded(file) =\n  thread.run(fast=true, fun () -> ignore(http.get(timeout_ms=10000, ")
                    .append(LiqString.of(s.callbacks() + "/recorded"))
                    .append(" ^ \"?file=\" ^ url.encode(path.basename(file)))))\nend\n");
            // strftime names the file as it opens: one file per live show
            liq.append("output.file(%mp3(bitrate=")
                    .append(o.bitrateKbps())
                    .append("), fallible=true, on_close=recorded, ")
                    .append(LiqString.of(dir.resolve(RECORDING_FOLDER) + "/live-%Y%m%d-%H%M%S.mp3"))
                    .append(", live)\n");
        }
        liq.append("# to the DJ: the AutoDJ's track is dropped, so the AutoDJ comes back at the start of a new one\n");
        liq.append("def to_live(_, dj) =\n  tracks.skip()\n  dj\nend\n");
        liq.append("def to_autodj(_, next) = next end\n");
        liq.append("# the panel's skip: the AutoDJ's track ends now; not while live. The track the panel chose\n");
        liq.append("# ahead was chosen before the skip (a show may have begun since): it is dropped and the next\n");
        liq.append("# asked for again before the skip, so the station never falls back to its local playlist\n");
        liq.append("def ask_again() =\n");
        liq.append("  dropped = upcoming.queue()\n  upcoming.set_queue([])\n  list.iter(request.destroy, dropped)\n");
        liq.append("  ignore(upcoming.fetch())\nend\n");
        liq.append("def skip_now(_) =\n  if !live_on then\n    \"live\"\n  else\n");
        liq.append("    ask_again()\n    tracks.skip()\n    \"skipped\"\n  end\nend\n");
        liq.append(
                "server.register(namespace=\"autodj\", description=\"End the AutoDJ's track now\", \"skip\", skip_now)\n");
        liq.append("# the panel's choice changed (a track was queued): the ready track is asked for again\n");
        liq.append("def refresh_now(_) =\n  ask_again()\n  \"refreshed\"\nend\n");
        liq.append("server.register(namespace=\"autodj\", description=\"Ask the panel again for the next track\",")
                .append(" \"refresh\", refresh_now)\n");
        liq.append("server.register(namespace=\"live\", description=\"Disconnect the DJ on the air\",")
                .append(" \"stop\", fun (_) -> begin kick = !kick_live kick() \"Done\" end)\n");
        liq.append("radio = mksafe(fallback(id=\"on_air\", track_sensitive=false, replay_metadata=false,")
                .append(" transitions=[to_live, to_autodj], [live, autodj]))\n\n");

        liq.append(o.shoutcast() ? "output.shoutcast(" : "output.icecast(")
                .append(encoder(o))
                .append(", ");
        liq.append("host=").append(LiqString.of(o.host())).append(", port=").append(o.port());
        if (!o.shoutcast()) {
            liq.append(", mount=").append(LiqString.of(o.mount()));
            liq.append(", user=").append(LiqString.of(o.user()));
        }
        liq.append(", password=").append(LiqString.of(o.password()));
        liq.append(", name=").append(LiqString.of(o.name()));
        if (!o.shoutcast()) {
            liq.append(", description=").append(LiqString.of(o.description())); // the ICY variant has none
        }
        liq.append(", genre=").append(LiqString.of(o.genre()));
        liq.append(", url=").append(LiqString.of(o.url()));
        liq.append(", radio)\n");
        return liq.toString();
    }

    private static String encoder(Output o) {
        return switch (o.format()) {
            case MP3 -> "%mp3(bitrate=" + o.bitrateKbps() + ")";
            case OPUS -> "%ogg(%opus(bitrate=" + o.bitrateKbps() + "))";
            // Debian has no fdk-aac: ffmpeg's native AAC-LC encoder, in ADTS frames as Icecast serves them
            case AAC -> "%ffmpeg(format=\"adts\", %audio(codec=\"aac\", b=\"" + o.bitrateKbps() + "k\"))";
        };
    }

    private static void port(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }
}
