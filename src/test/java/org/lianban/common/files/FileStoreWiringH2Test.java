package org.lianban.common.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.lianban.H2Test;
import org.lianban.common.FileLimits;
import org.lianban.common.FileStore;
import org.lianban.common.StoredFile;
import org.springframework.beans.factory.annotation.Autowired;

/** The application wires the local store under the data directory and the 50 MB default limit. */
@H2Test
class FileStoreWiringH2Test {

    @Autowired
    FileStore files;

    @Autowired
    FileLimits limits;

    @Test
    void theDefaultStoreIsLocalWithA50MegabyteLimit() throws IOException {
        assertThat(files).isInstanceOf(LocalFileStore.class);
        assertThat(limits.maxBytes()).isEqualTo(52_428_800L);
        assertThat(limits.maxMegabytes()).isEqualTo(50);

        StoredFile stored = files.put("wiring-test", "a.pdf", new ByteArrayInputStream(TestFiles.pdf()),
                limits.maxBytes());
        try (InputStream in = files.open(stored.key())) {
            assertThat(in.readAllBytes()).isEqualTo(TestFiles.pdf());
        } finally {
            files.delete(stored.key());
        }
        assertThat(files.exists(stored.key())).isFalse();
    }
}
