/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.wowza;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST interface's authentication, as {@code Server.xml}'s {@code RESTInterface
 * AuthenticationMethod} sets it: {@code basic} (current releases) or {@code digest} (RFC 2617 with
 * MD5 and qop=auth, the default of 4.8.5.05 and older).
 */
final class RestAuth {

    enum Method {
        BASIC,
        DIGEST
    }

    static final String REALM = "Wowza";
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    private final Method method;
    private final String username;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();

    RestAuth(Method method, String username, String password) {
        this.method = method;
        this.username = username;
        this.password = password;
    }

    /** The challenge to send with a 401. */
    String challenge() {
        if (method == Method.BASIC) {
            return "Basic realm=\"" + REALM + "\"";
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        nonces.add(nonce);
        return "Digest realm=\"" + REALM + "\", qop=\"auth\", algorithm=MD5, nonce=\"" + nonce + "\"";
    }

    /** Whether the Authorization header proves the REST user for this request. */
    boolean admits(String header, String httpMethod) {
        if (header == null) {
            return false;
        }
        if (method == Method.BASIC) {
            if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return false;
            }
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return decoded.equals(username + ":" + password);
        }
        if (!header.regionMatches(true, 0, "Digest ", 0, 7)) {
            return false;
        }
        Map<String, String> p = new HashMap<>();
        Matcher m = PARAM.matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        String nonce = p.get("nonce");
        if (nonce == null || !nonces.contains(nonce) || !username.equals(p.get("username"))) {
            return false;
        }
        String ha1 = md5(username + ":" + REALM + ":" + password);
        String ha2 = md5(httpMethod + ":" + p.get("uri"));
        String expected = "auth".equals(p.get("qop"))
                ? md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2)
                : md5(ha1 + ":" + nonce + ":" + ha2);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                String.valueOf(p.get("response")).getBytes(StandardCharsets.US_ASCII));
    }

    static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
