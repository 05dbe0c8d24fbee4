package org.lianban.cases.flow;

import java.util.List;

import org.lianban.cases.CaseAction;

/** An action with its parameters, as posted to {@code /cases/{number}/actions}. */
public record Command(CaseAction action, String opinion, List<String> missing, String procedure, String returnTo,
        Integer days) {

    public Command {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public static Command of(CaseAction action) {
        return new Command(action, null, null, null, null, null);
    }

    public static Command of(CaseAction action, String opinion) {
        return new Command(action, opinion, null, null, null, null);
    }
}
