package org.lianban.catalog;

/**
 * Imports service guides (办事指南) from a YAML, JSON or Excel file: the one path for every catalog change. The whole
 * file is validated first; with any problem nothing changes (docs/catalog-import.md describes the format).
 */
public interface GuideImporter {

    /**
     * @param dryRun validate and report what would be created, updated or left unchanged, storing nothing
     * @return the counts, or every problem found (then nothing was stored)
     * @throws org.lianban.common.ApiException 413 when the file is too large, 415 when it is neither YAML/JSON text
     *         nor an .xlsx workbook, 400 when it cannot be parsed (with line and column)
     */
    ImportResult importGuide(String filename, byte[] bytes, boolean dryRun);
}
