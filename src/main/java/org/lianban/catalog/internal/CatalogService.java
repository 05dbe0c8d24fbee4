package org.lianban.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.lianban.catalog.Catalog;
import org.lianban.catalog.GuideImporter;
import org.lianban.catalog.GuideNotes;
import org.lianban.catalog.ImportResult;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog: reads published versions (cached by id, since they never change) and imports guide files, publishing a
 * new version only where a matter's content really changed.
 */
@Service
class CatalogService implements Catalog, GuideImporter, GuideNotes {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Loaded(MatterVersion version, String notes) {}

    private final CatalogRepository repository;
    private final Clock clock;
    private final long maxBytes;
    private final Map<Long, Loaded> cache = new ConcurrentHashMap<>();

    CatalogService(CatalogRepository repository, Clock clock,
            @Value("${lianban.catalog.import-max-bytes:5MB}") DataSize maxBytes) {
        this.repository = repository;
        this.clock = clock;
        this.maxBytes = maxBytes.toBytes();
    }

    @Override
    public List<MatterVersion> current() {
        return repository.currentIds().stream().map(this::version).toList();
    }

    @Override
    public Optional<MatterVersion> current(String code) {
        return repository.current(code).map(c -> version(c.versionId()));
    }

    @Override
    public MatterVersion version(long id) {
        return loaded(id).version();
    }

    @Override
    public List<MatterVersion> versions(String code) {
        return repository.versionIds(code).stream().map(this::version).toList();
    }

    @Override
    public Optional<String> notes(long versionId) {
        String notes = loaded(versionId).notes();
        return notes.isEmpty() ? Optional.empty() : Optional.of(notes);
    }

    private Loaded loaded(long id) {
        Loaded l = cache.get(id);
        if (l != null) {
            return l;
        }
        CatalogRepository.StoredVersion row = repository.version(id)
                .orElseThrow(() -> ApiException.notFound("There is no matter version with id " + id + "."));
        MatterDefinition d = JSON.readValue(row.definition(), MatterDefinition.class);
        l = new Loaded(d.toVersion(row.id(), row.version(), row.publishedAt()), d.notes());
        cache.put(id, l);
        return l;
    }

    boolean isEmpty() {
        return repository.countMatters() == 0;
    }

    @Override
    @Transactional
    public ImportResult importGuide(String filename, byte[] bytes, boolean dryRun) {
        if (bytes.length > maxBytes) {
            throw ApiException.tooLarge("The file has " + bytes.length + " bytes; a guide file may have at most "
                    + maxBytes + " (lianban.catalog.import-max-bytes). Split it into several files.");
        }
        GuideValidator.Outcome outcome = GuideValidator.validate(GuideFileReader.read(filename, bytes));
        if (!outcome.problems().isEmpty()) {
            return new ImportResult(0, 0, 0, outcome.problems());
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        var now = clock.instant();
        try {
            for (MatterDefinition d : outcome.matters()) {
                String json = JSON.writeValueAsString(d);
                String hash = sha256(json);
                Optional<CatalogRepository.Current> current = repository.current(d.code());
                if (current.isEmpty()) {
                    created++;
                    if (!dryRun) {
                        repository.insertMatter(d.code(), repository.insertVersion(d, 1, json, hash, now));
                    }
                } else if (current.get().contentHash().equals(hash)) {
                    unchanged++;
                } else {
                    updated++;
                    if (!dryRun) {
                        CatalogRepository.Current c = current.get();
                        long id = repository.insertVersion(d, c.version() + 1, json, hash, now);
                        if (!repository.moveCurrent(d.code(), c.versionId(), id)) {
                            throw concurrentImport(d.code());
                        }
                    }
                }
            }
        } catch (DuplicateKeyException e) {
            throw concurrentImport(null);
        }
        log.info("Guide import{}: {} created, {} updated, {} unchanged", dryRun ? " (dry run)" : "", created,
                updated, unchanged);
        return new ImportResult(created, updated, unchanged, List.of());
    }

    private static ApiException concurrentImport(String code) {
        return ApiException.conflict("Another import changed " + (code == null ? "the same matters" : code)
                + " at the same time. Nothing was stored; import the file again.");
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
