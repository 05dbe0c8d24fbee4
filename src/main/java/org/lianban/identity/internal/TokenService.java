package org.lianban.identity.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.lianban.common.ApiException;
import org.lianban.common.ClockConfig;
import org.lianban.identity.ApiTokens;
import org.lianban.identity.IssuedToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Issues, checks and revokes API bearer tokens: 32 random bytes (base64url) handed out once; only their SHA-256 is
 * stored, so a leaked table grants nothing. Sign-in failures count towards {@link LoginThrottle}.
 */
@Component
class TokenService implements ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final JdbcUsers users;
    private final AuthenticationManager authentication;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Duration ttl;

    TokenService(JdbcClient jdbc, JdbcUsers users, AuthenticationManager authentication, LoginThrottle throttle,
            Clock clock, @Value("${lianban.identity.token-ttl:PT8H}") Duration ttl) {
        this.jdbc = jdbc;
        this.users = users;
        this.authentication = authentication;
        this.throttle = throttle;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public IssuedToken issue(String username, String password, String clientAddress) {
        throttle.checkAllowed(username, clientAddress);
        try {
            authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        } catch (AuthenticationException e) {
            throttle.recordFailure(username, clientAddress);
            throw ApiException.unauthorized("Wrong username or password.");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = now();
        OffsetDateTime expiresAt = now.plus(ttl);
        jdbc.sql("insert into api_token (token_hash, username, created_at, expires_at) values (?, ?, ?, ?)")
                .params(sha256(token), username, now, expiresAt).update();
        return new IssuedToken(token, expiresAt);
    }

    @Override
    public void revoke(String token) {
        jdbc.sql("update api_token set revoked_at = ? where token_hash = ? and revoked_at is null")
                .params(now(), sha256(token)).update();
    }

    /** The enabled user a live (not expired, not revoked) token belongs to. One indexed lookup. */
    Optional<AppUserDetails> userOf(String token) {
        return jdbc.sql("""
                        select u.username, u.display_name, u.role, u.region_code, u.password_hash, u.enabled
                        from api_token t join app_user u on u.username = t.username
                        where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and u.enabled""")
                .params(sha256(token), now()).query(users::details).optional();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ClockConfig.CHINA);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
