package org.lianban.cases.flow;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.lianban.calendar.WorkingCalendar;
import org.lianban.catalog.Party;
import org.lianban.catalog.Step;
import org.lianban.catalog.MatterVersion;
import org.lianban.common.Level;

/**
 * What the engine needs besides the state: the case's identity, the matter version it was filed under, the routing
 * (the filing region's ancestor at every level, 逐级联办) and the working-day calendar.
 */
public record FlowContext(String caseNumber, String applicantUsername, MatterVersion matter,
        Map<Level, String> regionAtLevel, WorkingCalendar calendar) {

    public String handlingRegion(Step step) {
        return regionAtLevel.get(step.level());
    }

    public String handlingRegion(Party party) {
        return regionAtLevel.get(party.level());
    }

    /** The region whose authority decides (the deciding level's handling region). */
    public String decidingRegion() {
        return regionAtLevel.get(matter.decidingLevel());
    }

    /** Every region that handles a step or a party of the flow: officials there may see the case. */
    public Set<String> touchedRegions() {
        Set<String> touched = new LinkedHashSet<>();
        for (Step s : matter.steps()) {
            if (s.parties().isEmpty()) {
                touched.add(handlingRegion(s));
            } else {
                s.parties().forEach(p -> touched.add(handlingRegion(p)));
            }
        }
        touched.add(decidingRegion());
        return touched;
    }
}
