package org.lianban.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.lianban.common.ApiException.FieldProblem;
import org.lianban.common.Role;
import org.lianban.identity.UserAdmin.NewUser;
import org.lianban.region.Regions;

/** The rules a new or changed account must satisfy; pure, so that the API and the CSV import report the same. */
final class UserRules {

    /** Lower-case letters, digits and {@code . _ - @}, 3–64 characters, starting with a letter or a digit. */
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    static final int MAX_DISPLAY_NAME = 200;
    /** 12 characters at least: long enough to resist guessing (the demo password {@code demo} never passes). */
    static final int MIN_PASSWORD = 12;
    /** bcrypt uses the first 72 bytes only, and Spring's encoder refuses longer input. */
    static final int MAX_PASSWORD_BYTES = 72;

    private UserRules() {}

    /** The role named by {@code text} (any case), or null. */
    static Role role(String text) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(text.trim())).findFirst()
                .orElse(null);
    }

    /** Every problem of {@code u}; {@code prefix} goes before each field name (e.g. {@code "row 3: "}). */
    static List<FieldProblem> check(NewUser u, Regions regions, boolean withPassword, String prefix) {
        List<FieldProblem> errors = new ArrayList<>();
        String username = u.username() == null ? "" : u.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldProblem(prefix + "username", "Use 3–64 characters: lower-case letters, digits,"
                    + " '.', '_', '-' and '@', starting with a letter or digit, e.g. \"clerk.wang@140105\"."));
        }
        String displayName = u.displayName() == null ? "" : u.displayName().trim();
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
            errors.add(new FieldProblem(prefix + "displayName", "Give the name shown to others, 1–"
                    + MAX_DISPLAY_NAME + " characters, e.g. \"小店区窗口 王芳\"."));
        }
        Role role = role(u.role());
        if (role == null) {
            errors.add(new FieldProblem(prefix + "role", "Give one of " + Arrays.toString(Role.values()) + "."));
        }
        String region = u.regionCode() == null ? "" : u.regionCode().trim();
        if (role == Role.APPLICANT) {
            if (!region.isEmpty()) {
                errors.add(new FieldProblem(prefix + "regionCode", "Applicants belong to no region; leave it out."));
            }
        } else if (region.isEmpty()) {
            errors.add(new FieldProblem(prefix + "regionCode", "Give the 6-digit code of the user's region, e.g."
                    + " \"140105\"; every role but APPLICANT belongs to one region."));
        } else if (regions.find(region).isEmpty()) {
            errors.add(new FieldProblem(prefix + "regionCode", "There is no region " + region
                    + "; see GET /api/v1/regions for the codes."));
        }
        if (withPassword) {
            password(username, u.password()).ifPresent(m -> errors.add(new FieldProblem(prefix + "password", m)));
        }
        return errors;
    }

    /** What is wrong with {@code password} for {@code username}, if anything. */
    static Optional<String> password(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            return Optional.of("Use a password of at least " + MIN_PASSWORD
                    + " characters; a passphrase of several words is easiest to remember.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("Use a password of at most " + MAX_PASSWORD_BYTES
                    + " bytes (UTF-8); only that much of it counts.");
        }
        if (!username.isEmpty()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the username.");
        }
        if (password.chars().distinct().count() < 4) {
            return Optional.of("Use at least 4 different characters in the password.");
        }
        return Optional.empty();
    }
}
