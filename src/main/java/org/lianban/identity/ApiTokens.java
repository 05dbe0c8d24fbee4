package org.lianban.identity;

/** Bearer tokens for the API (API.md "Authentication"). */
public interface ApiTokens {

    /**
     * Checks the credentials and issues a token. Wrong credentials: 401 problem; too many recent failures for the
     * username or the client address: {@link LoginThrottledException}.
     */
    IssuedToken issue(String username, String password, String clientAddress);

    /** Revokes a token; unknown or already revoked tokens are left as they are. */
    void revoke(String token);
}
