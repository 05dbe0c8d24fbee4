package org.lianban.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.lianban.catalog.ImportResult;
import org.lianban.common.ApiException;
import org.lianban.common.TableLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a start with an empty catalog (in every profile: a fresh production install gets it too), imports the
 * natural-resources catalog {@code catalog/nr-guide-2020.yaml} through the ordinary importer. Runs once all beans
 * exist, before runners and before the server takes requests, so other modules' demo data can rely on it. Nodes
 * starting together load it once: the import runs under a {@link TableLock} on {@code matter} and re-checks that the
 * catalog is still empty; an administrator's import racing with it ends in a 409, after which the catalog is filled.
 */
@Component
class DemoCatalogLoader implements SmartInitializingSingleton {

    static final String RESOURCE = "catalog/nr-guide-2020.yaml";
    private static final Logger log = LoggerFactory.getLogger(DemoCatalogLoader.class);

    private final CatalogService catalog;
    private final TransactionTemplate tx;
    private final TableLock lock;

    DemoCatalogLoader(CatalogService catalog, TransactionTemplate tx, TableLock lock) {
        this.catalog = catalog;
        this.tx = tx;
        this.lock = lock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        loadIfEmpty();
    }

    /** Imports the bundled catalog into an empty one; true if this call did. */
    boolean loadIfEmpty() {
        if (!catalog.isEmpty()) {
            return false;
        }
        byte[] bytes;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportResult result;
        try {
            result = tx.execute(s -> {
                lock.exclusive("matter");
                if (!catalog.isEmpty()) {
                    return null;
                }
                ImportResult r = catalog.importGuide(RESOURCE, bytes, false);
                if (!r.errors().isEmpty()) {
                    throw new IllegalStateException("The bundled catalog " + RESOURCE + " does not validate: "
                            + r.errors());
                }
                return r;
            });
        } catch (ApiException e) {
            if (e.status() == HttpStatus.CONFLICT && !catalog.isEmpty()) {
                log.info("An import on another node filled the catalog at the same time");
                return false;
            }
            throw e;
        }
        if (result == null) {
            log.info("Another node loaded {} at the same time", RESOURCE);
            return false;
        }
        log.info("Empty catalog: loaded {} matters from {}", result.created(), RESOURCE);
        return true;
    }
}
