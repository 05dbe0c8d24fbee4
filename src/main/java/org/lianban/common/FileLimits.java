package org.lianban.common;

/** The upload size limit ({@code lianban.files.max-bytes}, default 50 MB), as a bean for callers of {@link FileStore}. */
public record FileLimits(long maxBytes) {

    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    public FileLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("lianban.files.max-bytes must be positive, was " + maxBytes);
        }
    }

    /** The limit in whole megabytes (rounded down, at least 1), for messages. */
    public long maxMegabytes() {
        return Math.max(1, maxBytes / (1024 * 1024));
    }
}
