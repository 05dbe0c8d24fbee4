package org.lianban.web.pages;

import java.util.List;
import java.util.stream.IntStream;

import org.lianban.catalog.Party;
import org.lianban.catalog.Step;
import org.lianban.common.Level;

/**
 * A step placed on the three swim-lanes of a flow drawing: column {@code index} (1-based, in order), rows from the
 * highest to the lowest level that takes part (province row 1, city 2, county 3; end row exclusive).
 */
public record FlowStep(int index, Step step, int rowStart, int rowEnd) {

    static List<FlowStep> of(List<Step> steps) {
        return IntStream.range(0, steps.size()).mapToObj(i -> place(i + 1, steps.get(i))).toList();
    }

    private static FlowStep place(int index, Step step) {
        List<Level> levels = step.parties().isEmpty()
                ? List.of(step.level())
                : step.parties().stream().map(Party::level).toList();
        int top = levels.stream().mapToInt(FlowStep::row).min().orElse(row(step.level()));
        int bottom = levels.stream().mapToInt(FlowStep::row).max().orElse(row(step.level()));
        return new FlowStep(index, step, top, bottom + 1);
    }

    private static int row(Level level) {
        return level.ordinal() + 1;
    }
}
