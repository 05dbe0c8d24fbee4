package org.lianban.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.lianban.common.ApiException;
import org.lianban.common.FileStore;
import org.lianban.common.StoredFile;

/** A FileStore in memory, for unit tests; {@link #bytes} lets a test tamper with a stored file. */
final class InMemoryFileStore implements FileStore {

    final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

    @Override
    public StoredFile put(String keyPrefix, String filename, InputStream content, long maxBytes) {
        try {
            byte[] b = content.readAllBytes();
            String key = keyPrefix + "/" + UUID.randomUUID();
            bytes.put(key, b);
            return new StoredFile(key, filename, b.length, DocumentService.sha256(b), "application/pdf");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key) {
        byte[] b = bytes.get(key);
        if (b == null) {
            throw ApiException.notFound("no file " + key);
        }
        return new ByteArrayInputStream(b);
    }

    @Override
    public void delete(String key) {
        bytes.remove(key);
    }

    @Override
    public boolean exists(String key) {
        return bytes.containsKey(key);
    }
}
