package org.lianban.cases;

import java.util.List;

/**
 * {@code POST /cases/{number}/actions}. {@code version} is the case version the caller saw (optimistic check).
 * {@code action} is a string so an unknown value is reported as a field error.
 */
public record ActionRequest(String action, Integer version, String opinion, List<String> missing, String procedure,
        String returnTo, Integer days) {}
