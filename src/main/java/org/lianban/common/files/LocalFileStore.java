package org.lianban.common.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.lianban.common.ApiException;
import org.lianban.common.FileNames;
import org.lianban.common.FileStore;
import org.lianban.common.StoredFile;

/**
 * Files in a local directory ({@code ${lianban.data-dir}/files} by default), one file per key. An upload is written
 * to a hidden {@code .<uuid>.part} file in the target directory and moved into place atomically, so readers never
 * see half a file.
 */
class LocalFileStore implements FileStore {

    private static final Pattern KEY = Pattern.compile(
            "[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path root;

    LocalFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public StoredFile put(String keyPrefix, String filename, InputStream content, long maxBytes) {
        String id = UUID.randomUUID().toString();
        Path dir = root.resolve(IncomingFile.checkPrefix(keyPrefix));
        Path part = dir.resolve("." + id + ".part");
        Path target = dir.resolve(id);
        boolean done = false;
        try {
            Files.createDirectories(dir);
            IncomingFile.Received received = IncomingFile.receive(content, part, maxBytes);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return new StoredFile(keyPrefix + "/" + id, FileNames.sanitizeFilename(filename), received.size(),
                    received.sha256(), received.contentType());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an uploaded file", e);
        } finally {
            if (!done) {
                deleteQuietly(part);
            }
        }
    }

    @Override
    public InputStream open(String key) {
        Path path = path(key).orElseThrow(() -> ApiException.notFound("The file does not exist."));
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw ApiException.notFound("The file does not exist.");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a stored file", e);
        }
    }

    @Override
    public void delete(String key) {
        path(key).ifPresent(path -> {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete a stored file", e);
            }
        });
    }

    @Override
    public boolean exists(String key) {
        return path(key).filter(Files::isRegularFile).isPresent();
    }

    /** Only keys this store hands out map to a path; anything else (e.g. {@code ../x}) is simply absent. */
    private Optional<Path> path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Path path = root.resolve(key).normalize();
        return path.startsWith(root) ? Optional.of(path) : Optional.empty();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the original failure is what matters; a stray .part file is harmless and never served
        }
    }
}
