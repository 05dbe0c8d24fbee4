package org.lianban.documents.internal;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import org.lianban.common.FileStore;
import org.lianban.common.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Renders and signs an issued document the first time anyone needs its bytes or their hash (download, verification),
 * from the snapshot stored at its issue and with its issue time as the signing time; then keeps the file. From then
 * on the stored file is served byte-identical.
 * <p>
 * Two first uses at once (two nodes, a double click, the idle pre-renderer) may both render: the first to record its
 * file wins, the other deletes its own file and serves the winner's. A failed render records and keeps nothing.
 */
@Component
class DocumentRenderer {

    private static final Logger log = LoggerFactory.getLogger(DocumentRenderer.class);
    /** Generated documents are a few hundred KB at most; anything larger is a bug, not a document. */
    private static final long MAX_BYTES = 5L * 1024 * 1024;

    private final DocumentRepository repository;
    private final PdfComposer composer;
    private final PdfSigner signer;
    private final AuthorityKeys keys;
    private final FileStore files;

    DocumentRenderer(DocumentRepository repository, PdfComposer composer, PdfSigner signer, AuthorityKeys keys,
            FileStore files) {
        this.repository = repository;
        this.composer = composer;
        this.signer = signer;
        this.keys = keys;
        this.files = files;
    }

    /** The row with its file: as it is when already rendered, otherwise after rendering and storing it. */
    DocumentRow rendered(DocumentRow row) {
        if (row.rendered()) {
            return row;
        }
        String snapshot = repository.snapshot(row.id()).orElseThrow(() -> new IllegalStateException(
                "document " + row.id() + " has neither a file nor a snapshot"));
        DocumentRequest request = DocumentSnapshots.read(snapshot);
        SigningKey key = keys.keyFor(request.authority().regionCode(), request.authority().name());
        byte[] pdf = signer.sign(composer.render(request), key, request.authority().name(), request.kind().title(),
                request.issuedAt());
        StoredFile stored = files.put(keyPrefix(row.caseNumber()),
                row.kind().name().toLowerCase(Locale.ROOT) + ".pdf", new ByteArrayInputStream(pdf), MAX_BYTES);
        boolean won;
        try {
            won = repository.storeFile(row.id(), stored.key(), stored.size(), stored.sha256(), key.algorithm().name());
        } catch (RuntimeException e) {
            files.delete(stored.key());
            throw e;
        }
        if (won) {
            deleteOnRollback(stored.key());
            log.info("rendered {} {} of case {} ({} bytes, {})", row.kind(), row.number(), row.caseNumber(),
                    stored.size(), key.algorithm());
        } else {
            files.delete(stored.key()); // rendered at the same moment elsewhere: that file is the document
        }
        return repository.find(row.id()).orElseThrow();
    }

    /** The file store's key prefix: lower-case {@code [a-z0-9_-]} segments. */
    static String keyPrefix(String caseNumber) {
        return "documents/" + caseNumber.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }

    /** Inside a transaction (revocation) the file is recorded only if that transaction commits. */
    private void deleteOnRollback(String storageKey) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        files.delete(storageKey);
                    }
                }
            });
        }
    }
}
