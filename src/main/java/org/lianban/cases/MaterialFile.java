package org.lianban.cases;

import java.io.InputStream;

/** A material's bytes for download; the caller closes {@code content}. */
public record MaterialFile(String filename, String contentType, long size, InputStream content) {}
