package org.lianban.common.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.lianban.common.ApiException;
import org.lianban.common.FileNames;
import org.lianban.common.FileStore;
import org.lianban.common.StoredFile;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Files in an S3-compatible object store (AWS S3, MinIO ...), for deployments with more than one node. An upload
 * is first received into a local temporary file, where size, hash and type are checked; only an accepted file is
 * sent, with one PutObject (which the store applies atomically). The temporary file is always deleted.
 */
class S3FileStore implements FileStore {

    private final S3Client s3;
    private final String bucket;
    private final Path tempDir;

    S3FileStore(S3Client s3, String bucket, Path tempDir) {
        this.s3 = s3;
        this.bucket = bucket;
        this.tempDir = tempDir;
    }

    @Override
    public StoredFile put(String keyPrefix, String filename, InputStream content, long maxBytes) {
        String key = IncomingFile.checkPrefix(keyPrefix) + "/" + UUID.randomUUID();
        Path part = tempDir.resolve(UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(tempDir);
            IncomingFile.Received received = IncomingFile.receive(content, part, maxBytes);
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(received.contentType())
                    .contentLength(received.size()).metadata(Map.of("sha256", received.sha256())),
                    RequestBody.fromFile(part));
            return new StoredFile(key, FileNames.sanitizeFilename(filename), received.size(), received.sha256(),
                    received.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not receive an uploaded file", e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a stray temporary file is harmless and never served
            }
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw ApiException.notFound("The file does not exist.");
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }
}
