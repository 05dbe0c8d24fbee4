package org.lianban.common;

import java.io.InputStream;

/**
 * Where uploaded and generated files live: a local directory by default, an S3-compatible object store when
 * configured ({@code lianban.files.store=s3}). Keys are {@code {keyPrefix}/{uuid}}, never derived from the
 * user's filename. Files are accepted by their content (magic bytes and container entries), not by their name.
 */
public interface FileStore {

    /** The types {@link #put} accepts, for messages and upload hints. */
    String ACCEPTED_TYPES = "PDF, JPEG, PNG, OFD, DOCX, XLSX";

    /**
     * Stores the bytes under a new key and returns what was stored. Atomic: on failure nothing is left behind.
     *
     * @param keyPrefix slash-separated path of {@code [a-z0-9_-]} segments, e.g. {@code cases/2026-000123}
     * @param filename  the user's filename; sanitised with {@link FileNames#sanitizeFilename(String)}
     * @param maxBytes  upper limit on the size, see {@link FileLimits}
     * @throws ApiException 413 when the content is larger than {@code maxBytes}, 415 when it is not one of
     *                      {@link #ACCEPTED_TYPES}, 400 when the content cannot be read to the end
     */
    StoredFile put(String keyPrefix, String filename, InputStream content, long maxBytes);

    /** Opens a stored file; the caller closes the stream. {@link ApiException#notFound} if missing. */
    InputStream open(String key);

    /** Deletes a stored file if present; used to roll back when the database transaction fails. */
    void delete(String key);

    boolean exists(String key);
}
