package org.lianban.identity.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.lianban.identity.LoginThrottledException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

/**
 * Slows down password guessing: each failed sign-in takes a token from the username's bucket and from the client
 * address's bucket; an empty bucket refuses further attempts until it refills (by default 5 failures per username,
 * 20 per address, per 15 minutes). Successful sign-ins take nothing. In memory, per node.
 */
@Component
class LoginThrottle {

    /** Above this many tracked keys, buckets that have fully refilled (nothing to remember) are dropped. */
    private static final int TIDY_ABOVE = 10_000;

    private final Map<String, Bucket> byUsername = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    private final int perUsername;
    private final int perAddress;
    private final Duration window;

    LoginThrottle(@Value("${lianban.identity.throttle.failures-per-username:5}") int perUsername,
            @Value("${lianban.identity.throttle.failures-per-address:20}") int perAddress,
            @Value("${lianban.identity.throttle.window:PT15M}") Duration window) {
        this.perUsername = perUsername;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Throws {@link LoginThrottledException} when the username or the address has no attempts left. */
    void checkAllowed(String username, String address) {
        long waitNanos = Math.max(wait(byUsername.get(key(username))), wait(byAddress.get(key(address))));
        if (waitNanos > 0) {
            throw new LoginThrottledException(Duration.ofNanos(waitNanos));
        }
    }

    void recordFailure(String username, String address) {
        take(byUsername, key(username), perUsername);
        take(byAddress, key(address), perAddress);
    }

    private static String key(String s) {
        return s == null ? "" : s;
    }

    private static long wait(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private void take(Map<String, Bucket> buckets, String key, int capacity) {
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
        }
        buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build()).tryConsume(1);
    }
}
