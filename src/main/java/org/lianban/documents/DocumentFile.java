package org.lianban.documents;

/** A document's signed PDF, for download. */
public record DocumentFile(String caseNumber, String filename, byte[] content) {}
