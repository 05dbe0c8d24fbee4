package org.lianban.catalog.internal;

import java.util.List;
import java.util.Map;

import org.lianban.common.ApiException.FieldProblem;

/**
 * A guide file read into plain maps and lists (the YAML/JSON structure; an Excel workbook is turned into the same
 * structure), plus where each value came from so problems can name the cell ({@code Steps!E7}) instead of the path.
 *
 * @param places path ({@code matters[0].steps[2].level}) to place in the file; empty for YAML and JSON, whose paths
 *        are their places
 * @param problems what could not be placed into the structure at all (e.g. a row naming no known matter)
 */
record ParsedGuide(Object root, Map<String, String> places, List<FieldProblem> problems) {

    ParsedGuide(Object root) {
        this(root, Map.of(), List.of());
    }

    /** The place to report for a path: the path's own cell, else the nearest enclosing item's row, else the path. */
    String place(String path) {
        if (places.isEmpty()) {
            return path;
        }
        String p = path;
        while (true) {
            String found = places.get(p);
            if (found != null) {
                return found;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return path;
            }
            p = p.substring(0, cut);
        }
    }
}
