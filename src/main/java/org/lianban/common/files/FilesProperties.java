package org.lianban.common.files;

import org.lianban.common.FileLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lianban.files.*}: where files are kept and how large an upload may be.
 *
 * @param store    {@code local} (default, under {@code ${lianban.data-dir}/files}) or {@code s3}
 * @param maxBytes upload limit in bytes
 */
@ConfigurationProperties("lianban.files")
record FilesProperties(@DefaultValue("local") String store,
        @DefaultValue("" + FileLimits.DEFAULT_MAX_BYTES) long maxBytes, @DefaultValue S3 s3) {

    /**
     * The object store. Without an endpoint the AWS endpoint of the region is used; with one (MinIO and other
     * S3-compatible stores) path-style addressing is used. Without an access key the AWS default credential chain
     * (environment, profile, instance role) applies.
     */
    record S3(String endpoint, @DefaultValue("us-east-1") String region, String bucket, String accessKey,
            String secretKey) {}
}
