package org.lianban.catalog;

import java.util.List;

import org.lianban.common.ApiException.FieldProblem;

/** Outcome of a service-guide import. With any error nothing was changed. */
public record ImportResult(int created, int updated, int unchanged, List<FieldProblem> errors) {}
