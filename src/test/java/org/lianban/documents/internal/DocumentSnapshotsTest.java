package org.lianban.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lianban.documents.DocumentKind;

/** The snapshot stored at issue gives back exactly the request the document is rendered from. */
class DocumentSnapshotsTest {

    @Test
    void everyKindOfRequestSurvivesTheRoundTrip() {
        for (DocumentKind kind : DocumentKind.values()) {
            DocumentRequest r = Samples.of(kind);
            assertThat(DocumentSnapshots.read(DocumentSnapshots.write(r))).as(kind.name()).isEqualTo(r);
        }
    }

    @Test
    void aSnapshotWithAPropertyThisVersionDoesNotKnowStillReads() {
        String json = DocumentSnapshots.write(Samples.of(DocumentKind.REFUSAL));
        String withExtra = "{\"retiredField\":1," + json.substring(1);
        assertThat(DocumentSnapshots.read(withExtra)).isEqualTo(Samples.of(DocumentKind.REFUSAL));
    }
}
