package org.lianban.common.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lianban.common.ApiException;
import org.springframework.http.HttpStatus;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * No S3-compatible store is reachable here, so these tests cover what happens before and around the network call:
 * client configuration, local checks before anything is sent, and clean-up of the temporary file when the store
 * cannot be reached. Storing and reading back through a real store (e.g. MinIO) is NOT tested.
 */
class S3FileStoreTest {

    @TempDir
    Path temp;

    @Test
    void aMinioStyleEndpointIsUsedWithPathStyleAddressing() {
        try (S3Client client = FilesConfig.s3Client(
                new FilesProperties.S3("http://127.0.0.1:9000", "us-east-1", "lianban", "minio", "minio-secret"))) {
            assertThat(client.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:9000"));
            assertThat(client.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
        }
    }

    @Test
    void aMissingBucketStopsTheStart() {
        assertThatThrownBy(() -> FilesConfig.s3Client(new FilesProperties.S3(null, "us-east-1", " ", null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lianban.files.s3.bucket");
    }

    @Test
    void aDisguisedFileIsRejectedLocallyAndItsTemporaryFileRemoved() throws IOException {
        try (S3Client client = unreachableStore()) {
            S3FileStore store = new S3FileStore(client, "lianban", temp);

            assertThatThrownBy(() -> store.put("cases/x", "x.pdf", new ByteArrayInputStream(TestFiles.exe()), 1 << 20))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
            assertThat(filesIn(temp)).isZero();
        }
    }

    @Test
    void anUnreachableStoreFailsThePutAndLeavesNoTemporaryFile() throws IOException {
        try (S3Client client = unreachableStore()) {
            S3FileStore store = new S3FileStore(client, "lianban", temp);

            assertThatThrownBy(() -> store.put("cases/x", "a.pdf", new ByteArrayInputStream(TestFiles.pdf()), 1 << 20))
                    .isInstanceOf(SdkClientException.class);
            assertThat(filesIn(temp)).isZero();
        }
    }

    /** A client pointed at a local port nobody listens on. */
    private static S3Client unreachableStore() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return FilesConfig.s3Client(
                new FilesProperties.S3("http://127.0.0.1:" + port, "us-east-1", "lianban", "key", "secret"));
    }

    private static long filesIn(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
