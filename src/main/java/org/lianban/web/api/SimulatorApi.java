package org.lianban.web.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;
import org.lianban.stats.HistorySimulator;
import org.lianban.stats.SimulationRequest;
import org.lianban.stats.SimulationStatus;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history simulator for administrators, demo only: {@code POST /api/v1/admin/simulate}
 * {@code {from, to, cases, seed?}} starts it in the background (202 with its status; 409 while one runs);
 * {@code GET} tells its progress.
 */
@RestController
@RequestMapping("/api/v1/admin/simulate")
class SimulatorApi {

    /** The request as posted (strings, so a malformed value is reported by field). */
    record Body(String from, String to, Integer cases, Long seed) {}

    private final HistorySimulator simulator;
    private final boolean demo;

    SimulatorApi(HistorySimulator simulator, Environment env) {
        this.simulator = simulator;
        this.demo = env.acceptsProfiles(Profiles.of("demo"));
    }

    @PostMapping
    ResponseEntity<SimulationStatus> start(@RequestBody(required = false) Body body) {
        requireDemo();
        if (body == null) {
            throw ApiException.badRequest("body", "Send JSON {from, to, cases}, e.g. "
                    + "{\"from\":\"2020-12-07\",\"to\":\"2021-01-27\",\"cases\":124}.");
        }
        List<FieldProblem> errors = new ArrayList<>();
        LocalDate from = date("from", body.from(), errors), to = date("to", body.to(), errors);
        if (body.cases() == null) {
            errors.add(new FieldProblem("cases", "Give the number of cases to simulate, e.g. 124."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors.getFirst().message(), errors);
        }
        SimulationStatus s = simulator.start(new SimulationRequest(from, to, body.cases(),
                body.seed() == null ? 20201207L : body.seed()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(s);
    }

    @GetMapping
    SimulationStatus status() {
        requireDemo();
        return simulator.status();
    }

    private void requireDemo() {
        if (!demo) {
            throw ApiException.notFound("The history simulator exists only in the demo.");
        }
    }

    private static LocalDate date(String field, String value, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldProblem(field, "Give '" + field + "' as YYYY-MM-DD."));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(field, "'" + value + "' is not a date; use YYYY-MM-DD, e.g. 2021-01-27."));
            return null;
        }
    }
}
