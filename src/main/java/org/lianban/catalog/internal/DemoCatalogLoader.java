package org.lianban.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.lianban.catalog.ImportResult;
import org.lianban.common.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * On a start with an empty catalog (in every profile: a fresh production install gets it too), imports the
 * natural-resources catalog {@code catalog/nr-guide-2020.yaml} through the ordinary importer. Runs once all beans
 * exist, before runners and before the server takes requests, so other modules' demo data can rely on it.
 */
@Component
class DemoCatalogLoader implements SmartInitializingSingleton {

    static final String RESOURCE = "catalog/nr-guide-2020.yaml";
    private static final Logger log = LoggerFactory.getLogger(DemoCatalogLoader.class);

    private final CatalogService catalog;

    DemoCatalogLoader(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!catalog.isEmpty()) {
            return;
        }
        byte[] bytes;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImportResult result;
        try {
            result = catalog.importGuide(RESOURCE, bytes, false);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.CONFLICT && !catalog.isEmpty()) {
                log.info("Another node loaded {} at the same time", RESOURCE);
                return;
            }
            throw e;
        }
        if (!result.errors().isEmpty()) {
            throw new IllegalStateException("The bundled catalog " + RESOURCE + " does not validate: "
                    + result.errors());
        }
        log.info("Empty catalog: loaded {} matters from {}", result.created(), RESOURCE);
    }
}
