package org.lianban.common.files;

import java.net.URI;
import java.nio.file.Path;

import org.lianban.common.FileLimits;
import org.lianban.common.FileStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the {@link FileStore} from {@code lianban.files.store}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
class FilesConfig {

    @Bean
    FileLimits fileLimits(FilesProperties properties) {
        return new FileLimits(properties.maxBytes());
    }

    @Bean
    @ConditionalOnProperty(name = "lianban.files.store", havingValue = "local", matchIfMissing = true)
    FileStore localFileStore(@Value("${lianban.data-dir}") Path dataDir) {
        return new LocalFileStore(dataDir.resolve("files"));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "lianban.files.store", havingValue = "s3")
    S3Client lianbanS3Client(FilesProperties properties) {
        return s3Client(properties.s3());
    }

    @Bean
    @ConditionalOnProperty(name = "lianban.files.store", havingValue = "s3")
    FileStore s3FileStore(S3Client lianbanS3Client, FilesProperties properties,
            @Value("${lianban.data-dir}") Path dataDir) {
        return new S3FileStore(lianbanS3Client, properties.s3().bucket(), dataDir.resolve("tmp").resolve("uploads"));
    }

    static S3Client s3Client(FilesProperties.S3 s3) {
        if (isBlank(s3.bucket())) {
            throw new IllegalStateException("lianban.files.store=s3 needs lianban.files.s3.bucket");
        }
        S3ClientBuilder builder = S3Client.builder().region(Region.of(s3.region()));
        if (!isBlank(s3.endpoint())) {
            builder.endpointOverride(URI.create(s3.endpoint())).forcePathStyle(true);
        }
        if (!isBlank(s3.accessKey())) {
            builder.credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
