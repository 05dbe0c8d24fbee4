package org.lianban.notify.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lianban.cases.CaseDetails;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.Party;
import org.lianban.catalog.Step;
import org.lianban.catalog.StepKind;
import org.lianban.identity.CurrentUser;
import org.lianban.identity.Users;
import org.lianban.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Who works on a step of a case: the officials of the filing region's ancestor at the step's level having the step's
 * role; for a joint review (并联会审) the officials of every party.
 */
@Component
class StepHandlers {

    private final Catalog catalog;
    private final Regions regions;
    private final Users users;

    StepHandlers(Catalog catalog, Regions regions, Users users) {
        this.catalog = catalog;
        this.regions = regions;
        this.users = users;
    }

    Optional<Step> step(CaseDetails c, String stepCode) {
        return catalog.version(c.matterVersionId()).step(stepCode);
    }

    Optional<Step> firstStep(CaseDetails c) {
        return catalog.version(c.matterVersionId()).steps().stream().findFirst();
    }

    /** The step after the first (the acceptance window's): where an accepted case goes. */
    Optional<Step> stepAfterFirst(CaseDetails c) {
        return catalog.version(c.matterVersionId()).steps().stream().skip(1).findFirst();
    }

    Optional<Step> firstOfKind(CaseDetails c, StepKind kind) {
        return catalog.version(c.matterVersionId()).steps().stream().filter(s -> s.kind() == kind).findFirst();
    }

    /** Usernames of the step's officials, without duplicates, in a stable order. */
    List<String> officials(CaseDetails c, Step step) {
        return officials(c, step, new HashMap<>());
    }

    /**
     * {@link #officials(CaseDetails, Step)}, looking up the officials of a region and role once per {@code memo}
     * (a batch of events: most of its cases wait for the same few regions).
     */
    List<String> officials(CaseDetails c, Step step, Map<String, List<String>> memo) {
        List<Party> handlers = new ArrayList<>();
        if (step.kind() == StepKind.JOINT_REVIEW && !step.parties().isEmpty()) {
            handlers.addAll(step.parties());
        } else {
            handlers.add(new Party(step.code(), step.name(), step.level(), step.role()));
        }
        Set<String> out = new LinkedHashSet<>();
        for (Party p : handlers) {
            regions.ancestorAt(c.regionCode(), p.level()).ifPresent(region ->
                    out.addAll(memo.computeIfAbsent(region.code() + "/" + p.role(), k -> users.officials(
                            region.code(), p.role()).stream().map(CurrentUser::username).toList())));
        }
        return List.copyOf(out);
    }
}
