package org.lianban.common;

/**
 * A file kept by {@link FileStore}.
 *
 * @param filename    the sanitised original filename, for display and downloads only
 * @param sha256      lower-case hex SHA-256 of the content
 * @param contentType MIME type detected from the content
 */
public record StoredFile(String key, String filename, long size, String sha256, String contentType) {}
