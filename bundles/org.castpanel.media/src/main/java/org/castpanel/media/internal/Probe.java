/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.castpanel.media.api.Cover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a media file is, read from its content with ffprobe (never from its name), its EBU R128
 * loudness and its cover art with ffmpeg. Only what the engines can play is media: MP3, AAC/M4A,
 * Ogg Vorbis, Opus, FLAC audio; MP4, Matroska/WebM, MPEG-TS, FLV video.
 */
final class Probe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> AUDIO_CODECS = Set.of("mp3", "aac", "vorbis", "opus", "flac");
    private static final Set<String> VIDEO_CODECS =
            Set.of("h264", "hevc", "vp8", "vp9", "av1", "mpeg4", "mpeg2video", "flv1");
    private static final Set<String> AUDIO_FORMATS =
            Set.of("mp3", "mov", "mp4", "m4a", "ogg", "flac", "aac", "matroska");
    private static final Set<String> VIDEO_FORMATS = Set.of("mov", "mp4", "matroska", "webm", "mpegts", "flv");
    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS");

    /** The facts of a playable file; {@code refusal} says why a file is not one (then the rest is empty). */
    record Facts(
            String kind,
            String format,
            String codec,
            Long durationMs,
            Integer bitrateKbps,
            Integer sampleRate,
            Integer channels,
            Integer width,
            Integer height,
            String title,
            String artist,
            String album,
            String genre,
            Integer year,
            boolean hasCover,
            String refusal) {

        static Facts refused(String why) {
            return new Facts(
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, false, why);
        }
    }

    private final String ffprobe;
    private final String ffmpeg;

    Probe(String ffprobe, String ffmpeg) {
        this.ffprobe = ffprobe;
        this.ffmpeg = ffmpeg;
    }

    Facts facts(Path file) {
        Run run = run(
                List.of(
                        ffprobe,
                        "-v",
                        "error",
                        "-print_format",
                        "json",
                        "-show_format",
                        "-show_streams",
                        "--",
                        input(file)),
                30);
        if (run.status != 0) {
            return Facts.refused("not a media file (ffprobe could not read it)");
        }
        try {
            return facts(JSON.readTree(run.stdout));
        } catch (IOException e) {
            return Facts.refused("not a media file (ffprobe gave no answer)");
        }
    }

    /** Decides from ffprobe's JSON; package-private for the tests. */
    static Facts facts(JsonNode probe) {
        JsonNode format = probe.path("format");
        List<String> formatNames = List.of(format.path("format_name").asText("").split(","));
        JsonNode audio = null;
        JsonNode video = null;
        boolean cover = false;
        for (JsonNode stream : probe.path("streams")) {
            String type = stream.path("codec_type").asText();
            if (type.equals("video")
                    && stream.path("disposition").path("attached_pic").asInt() == 1) {
                cover = true;
            } else if (type.equals("video") && video == null) {
                video = stream;
            } else if (type.equals("audio") && audio == null) {
                audio = stream;
            }
        }
        String kind;
        JsonNode main;
        if (video != null) {
            if (formatNames.stream().noneMatch(VIDEO_FORMATS::contains)) {
                return Facts.refused("video in a container the engines cannot play ("
                        + format.path("format_name").asText() + ")");
            }
            if (!VIDEO_CODECS.contains(video.path("codec_name").asText())) {
                return Facts.refused(
                        "video coded as " + video.path("codec_name").asText() + ", which the engines cannot play");
            }
            kind = "video";
            main = video;
        } else if (audio != null) {
            if (formatNames.stream().noneMatch(AUDIO_FORMATS::contains)) {
                return Facts.refused("audio in a container the engines cannot play ("
                        + format.path("format_name").asText() + ")");
            }
            if (!AUDIO_CODECS.contains(audio.path("codec_name").asText())) {
                return Facts.refused("audio coded as "
                        + audio.path("codec_name").asText() + "; accepted are MP3, AAC, Vorbis, Opus and FLAC");
            }
            kind = "audio";
            main = audio;
        } else {
            return Facts.refused("not a media file (no audio or video in it)");
        }
        JsonNode tags = tags(format.path("tags"), audio == null ? null : audio.path("tags"));
        Double seconds = number(format.path("duration"));
        Double bitrate = number(format.path("bit_rate"));
        return new Facts(
                kind,
                formatNames.get(0),
                main.path("codec_name").asText(),
                seconds == null ? null : Math.round(seconds * 1000),
                bitrate == null ? null : (int) Math.round(bitrate / 1000),
                audio == null ? null : integer(audio.path("sample_rate")),
                audio == null ? null : integer(audio.path("channels")),
                video == null ? null : integer(video.path("width")),
                video == null ? null : integer(video.path("height")),
                text(tags, "title", 300),
                text(tags, "artist", 300),
                text(tags, "album", 300),
                text(tags, "genre", 100),
                year(text(tags, "date", 40)),
                cover,
                null);
    }

    /** Tags by lower-case key: the container's (MP3, MP4, FLAC), or the stream's (Ogg keeps them there). */
    private static JsonNode tags(JsonNode formatTags, JsonNode streamTags) {
        com.fasterxml.jackson.databind.node.ObjectNode merged = JSON.createObjectNode();
        for (JsonNode source : new JsonNode[] {streamTags, formatTags}) {
            if (source != null) {
                source.fields().forEachRemaining(e -> merged.set(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
            }
        }
        return merged;
    }

    private static String text(JsonNode tags, String key, int max) {
        String value = tags.path(key).asText("").strip();
        value = value.replaceAll("\\p{Cntrl}", " ");
        if (value.isEmpty()) {
            return null;
        }
        return value.length() > max ? value.substring(0, max) : value;
    }

    private static Integer year(String date) {
        if (date == null || date.length() < 4 || !date.substring(0, 4).chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(date.substring(0, 4));
    }

    private static Double number(JsonNode node) {
        try {
            return node.isMissingNode() || node.asText().isEmpty() ? null : Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(JsonNode node) {
        Double value = number(node);
        return value == null ? null : value.intValue();
    }

    /** The integrated loudness (EBU R128) of the file's first audio stream, in LUFS. */
    Optional<Double> loudness(Path file) {
        Run run = run(
                List.of(
                        ffmpeg,
                        "-nostats",
                        "-hide_banner",
                        "-nostdin",
                        "-i",
                        input(file),
                        "-map",
                        "0:a:0",
                        "-af",
                        "ebur128=framelog=verbose", // frame lines at a level not printed: only the summary
                        "-f",
                        "null",
                        "-"),
                300);
        if (run.status != 0) {
            return Optional.empty();
        }
        Matcher m = INTEGRATED.matcher(run.stderr);
        Double last = null;
        while (m.find()) {
            last = Double.parseDouble(m.group(1)); // the summary comes last
        }
        return last == null || last.isInfinite() ? Optional.empty() : Optional.of(last);
    }

    /** The embedded picture as stored (JPEG or PNG), copied out by ffmpeg. */
    Optional<Cover> cover(Path file) {
        Run run = run(
                List.of(
                        ffmpeg,
                        "-v",
                        "error",
                        "-nostdin",
                        "-i",
                        input(file),
                        "-map",
                        "0:v:0",
                        "-c",
                        "copy",
                        "-frames:v",
                        "1",
                        "-f",
                        "image2pipe",
                        "-"),
                30);
        if (run.status != 0 || run.stdout.length < 8) {
            return Optional.empty();
        }
        byte[] data = run.stdout;
        boolean png = (data[0] & 0xff) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G';
        boolean jpeg = (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8;
        if (!png && !jpeg) {
            return Optional.empty();
        }
        return Optional.of(new Cover(png ? "image/png" : "image/jpeg", data));
    }

    /**
     * A file as ffmpeg's input: "file:" and an absolute path, so no name a customer chose (one
     * starting with "-", or "concat:a|b", "http:…") is read as an option or another protocol.
     */
    static String input(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    private record Run(int status, byte[] stdout, String stderr) {}

    private static Run run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> copy(process.getErrorStream(), err), "probe-stderr");
            drain.setDaemon(true);
            drain.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, out, "timed out");
            }
            drain.join(5000);
            return new Run(process.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + " (is ffmpeg installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, new byte[0], "interrupted");
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the process ended: what was read is all there is
        }
    }
}
