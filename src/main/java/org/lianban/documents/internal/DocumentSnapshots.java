package org.lianban.documents.internal;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A document's snapshot: the complete {@link DocumentRequest} as JSON, stored with the row when the document is
 * issued. The PDF is rendered from it later, so what a document says is fixed at its issue, whatever happens to the
 * case, the catalog or the regions afterwards.
 */
final class DocumentSnapshots {

    /** Unknown properties are ignored: a snapshot written before a field was removed still renders. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private DocumentSnapshots() {}

    static String write(DocumentRequest request) {
        return JSON.writeValueAsString(request);
    }

    static DocumentRequest read(String json) {
        return JSON.readValue(json, DocumentRequest.class);
    }
}
