/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** Field rules shared by the API and the console, so both refuse the same input the same way. */
public final class Validation {

    public static final int MIN_PASSWORD = 5;
    public static final int MAX_PASSWORD = 200;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{2,63}");
    // deliberately simple: one @, a dot in the domain, no spaces or control characters
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.]+(\\.[^@\\s\\p{Cntrl}.]+)+");
    private static final Pattern PHONE = Pattern.compile("[+0-9][0-9 ()./-]{2,39}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");
    private static final Pattern PLAIN_TEXT = Pattern.compile("[^\\p{Cntrl}]*");

    private Validation() {}

    public static String username(String value) {
        if (value == null || value.isBlank()) {
            throw CastPanelException.invalid("username", "username is required");
        }
        if (!USERNAME.matcher(value).matches()) {
            throw CastPanelException.invalid(
                    "username",
                    "username must be 3 to 64 characters: letters, digits and . _ @ + -, starting with a letter or digit");
        }
        return value;
    }

    public static String password(String field, String value) {
        if (value == null || value.length() < MIN_PASSWORD) {
            throw CastPanelException.invalid(field, "password must be at least " + MIN_PASSWORD + " characters long");
        }
        if (value.length() > MAX_PASSWORD) {
            throw CastPanelException.invalid(field, "password must be at most " + MAX_PASSWORD + " characters long");
        }
        return value;
    }

    public static String name(String value) {
        if (value == null || value.isBlank()) {
            throw CastPanelException.invalid("name", "name is required");
        }
        return text("name", value.strip(), 200);
    }

    public static String text(String field, String value, int max) {
        if (value.length() > max) {
            throw CastPanelException.invalid(field, field + " must be at most " + max + " characters long");
        }
        if (!PLAIN_TEXT.matcher(value).matches()) {
            throw CastPanelException.invalid(field, field + " must not contain control characters or line breaks");
        }
        return value;
    }

    public static String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw CastPanelException.invalid("email", "email is not a valid address: " + abbreviate(email));
        }
        return email;
    }

    public static String contactNumber(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String number = value.strip();
        if (!PHONE.matcher(number).matches()) {
            throw CastPanelException.invalid(
                    "contactNumber", "contactNumber must be 3 to 40 characters of digits, spaces and + ( ) . / -");
        }
        return number;
    }

    public static String timezone(String value) {
        if (value == null || value.isBlank()) {
            throw CastPanelException.invalid("timezone", "timezone is required");
        }
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw CastPanelException.invalid(
                    "timezone", "timezone must be an IANA time zone such as Europe/Berlin, not " + abbreviate(value));
        }
    }

    public static String language(String value) {
        if (value == null || !LANGUAGE.matcher(value).matches()) {
            throw CastPanelException.invalid("language", "language must be a language tag such as en or de-AT");
        }
        return value;
    }

    public static Integer nonNegative(String field, Integer value) {
        if (value != null && value < 0) {
            throw CastPanelException.invalid(field, field + " must be 0 or more (omit it for unlimited)");
        }
        return value;
    }

    public static Long nonNegative(String field, Long value) {
        if (value != null && value < 0) {
            throw CastPanelException.invalid(field, field + " must be 0 or more (omit it for unlimited)");
        }
        return value;
    }

    /** A limit that reaches an engine's config: 0 to the platform's maximum, or absent (unlimited). */
    public static Integer limit(String field, Integer value, long max) {
        nonNegative(field, value);
        if (value != null && value > max) {
            throw CastPanelException.invalid(field, field + " " + value + " is over the platform's maximum of " + max);
        }
        return value;
    }

    public static Long limit(String field, Long value, long max) {
        nonNegative(field, value);
        if (value != null && value > max) {
            throw CastPanelException.invalid(field, field + " " + value + " is over the platform's maximum of " + max);
        }
        return value;
    }

    public static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
