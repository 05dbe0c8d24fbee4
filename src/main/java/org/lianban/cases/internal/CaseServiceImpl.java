package org.lianban.cases.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.lianban.calendar.WorkingCalendar;
import org.lianban.cases.ActionRequest;
import org.lianban.cases.Applicant;
import org.lianban.cases.AuditReport;
import org.lianban.cases.CaseAction;
import org.lianban.cases.CaseDetails;
import org.lianban.cases.CaseService;
import org.lianban.cases.CaseStatus;
import org.lianban.cases.CaseSummary;
import org.lianban.cases.CaseView;
import org.lianban.cases.Cases;
import org.lianban.cases.DeadlineOnset;
import org.lianban.cases.DeadlineWarning;
import org.lianban.cases.MaterialFile;
import org.lianban.cases.MaterialInfo;
import org.lianban.cases.NewCase;
import org.lianban.cases.PublicProgress;
import org.lianban.cases.TaskItem;
import org.lianban.cases.TimelineEntry;
import org.lianban.cases.Warning;
import org.lianban.cases.flow.Actor;
import org.lianban.cases.flow.Command;
import org.lianban.cases.flow.FlowContext;
import org.lianban.cases.flow.FlowEngine;
import org.lianban.cases.flow.FlowState;
import org.lianban.cases.flow.Refusal;
import org.lianban.cases.flow.Transition;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.FormField;
import org.lianban.catalog.MatterVersion;
import org.lianban.catalog.Step;
import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;
import org.lianban.common.ClockConfig;
import org.lianban.common.FileLimits;
import org.lianban.common.FileStore;
import org.lianban.common.IdNumbers;
import org.lianban.common.Level;
import org.lianban.common.PhoneNumbers;
import org.lianban.common.Role;
import org.lianban.common.StoredFile;
import org.lianban.identity.CurrentUser;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applying and handling: loads a case (one SELECT), asks the {@link FlowEngine}, and writes the transition in one
 * transaction: the case row with an optimistic version check, timeline rows, task rows, the audit record, the
 * idempotency answer, and the domain events (stored by Spring Modulith's registry in the same transaction).
 */
@Service
class CaseServiceImpl implements CaseService, Cases {

    private static final Logger log = LoggerFactory.getLogger(CaseServiceImpl.class);
    private static final String QUERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_ATTEMPTS = 5;

    private final Shared shared;
    private final Clock clock;

    /** Everything but the clock, shared by {@link #at(Instant)} copies. */
    record Shared(CaseRepository repo, Catalog catalog, Regions regions, WorkingCalendar calendar, FileStore files,
            FileLimits limits, ApplicationEventPublisher events, TransactionTemplate tx, JsonMapper json,
            CaseAccess access, FlowEngine engine, ConcurrentMap<Long, MatterVersion> versions,
            ConcurrentMap<String, Map<Level, String>> routes) {}

    @Autowired
    CaseServiceImpl(CaseRepository repo, Catalog catalog, Regions regions, WorkingCalendar calendar, FileStore files,
            FileLimits limits, ApplicationEventPublisher events, TransactionTemplate tx, JsonMapper json,
            CaseAccess access, Clock clock) {
        this(new Shared(repo, catalog, regions, calendar, files, limits, events, tx, json, access, new FlowEngine(),
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>()), clock);
    }

    private CaseServiceImpl(Shared shared, Clock clock) {
        this.shared = shared;
        this.clock = clock;
    }

    @Override
    public CaseService at(Instant now) {
        return new CaseServiceImpl(shared, Clock.fixed(now, ClockConfig.CHINA));
    }

    /** Database timestamps keep microseconds; so does everything we compute and hash. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ================================================================================================ create

    @Override
    public CaseView create(CurrentUser user, NewCase request, String idempotencyKey) {
        if (user.role() != Role.APPLICANT) {
            throw ApiException.forbidden("Only applicants file cases.");
        }
        Instant now = now();
        Validated v = validate(request, now);
        CaseView created = idempotent(user, idempotencyKey, "create", request, 201, () -> {
            String number = v.filing().code() + "-" + LocalDate.ofInstant(now, ClockConfig.CHINA).getYear() + "-"
                    + String.format(Locale.ROOT, "%06d", shared.repo().nextSequence());
            FlowContext ctx = new FlowContext(number, user.username(), v.matter(), v.route(), shared.calendar());
            CaseRow draft = new CaseRow(0, number, v.matter().code(), v.matter().id(), v.filing().code(),
                    ctx.decidingRegion(), user.username(), v.applicant(), shared.json().writeValueAsString(v.form()),
                    queryCode(), 0, now, FlowState.draft(), AuditHash.GENESIS);
            CaseRepository.AuditRow audit = audit(number, 0, draft.auditHead(), actor(user), now, "CREATE", null,
                    CaseStatus.DRAFT, null);
            long id = shared.repo().insert(withHead(draft, audit.hash()));
            shared.repo().insertAudit(withCase(audit, id));
            CaseRow row = new CaseRow(id, number, draft.matterCode(), draft.matterVersionId(), draft.regionCode(),
                    draft.decidingRegionCode(), draft.applicantUsername(), draft.applicant(), draft.formJson(),
                    draft.queryCode(), 0, now, draft.state(), audit.hash());
            return toView(row, ctx, user, List.of(), now);
        });
        log.info("case {} filed ({}, {})", created.number(), created.matterCode(), created.regionCode());
        return created;
    }

    private record Validated(MatterVersion matter, Region filing, Map<Level, String> route, Applicant applicant,
            Map<String, String> form) {}

    /** Every problem of an application at once, each naming its field and how to fix it. */
    private Validated validate(NewCase r, Instant now) {
        List<FieldProblem> errors = new ArrayList<>();
        if (r == null) {
            throw ApiException.badRequest("body", "Send the application as JSON: {matterCode, regionCode, applicant, form}.");
        }
        MatterVersion matter = null;
        if (blank(r.matterCode())) {
            errors.add(new FieldProblem("matterCode", "Name the matter (its code from GET /api/v1/matters)."));
        } else {
            matter = shared.catalog().current(r.matterCode().strip()).orElse(null);
            if (matter == null) {
                errors.add(new FieldProblem("matterCode", "No matter '" + r.matterCode()
                        + "' in the catalog; use a code from GET /api/v1/matters."));
            }
        }
        Region filing = null;
        Map<Level, String> route = null;
        if (blank(r.regionCode())) {
            errors.add(new FieldProblem("regionCode", "Name the region (county) where the case is filed."));
        } else {
            filing = shared.regions().find(r.regionCode().strip()).orElse(null);
            if (filing == null) {
                errors.add(new FieldProblem("regionCode", "No region '" + r.regionCode()
                        + "'; use a code from GET /api/v1/regions."));
            } else if (matter != null) {
                route = route(filing.code());
                if (!matter.filingLevels().contains(filing.level())) {
                    errors.add(new FieldProblem("regionCode", "Matter " + matter.code() + " is filed at "
                            + matter.filingLevels() + " level; " + filing.code() + " (" + filing.name() + ") is a "
                            + filing.level() + "."));
                } else if (!routable(matter, route)) {
                    errors.add(new FieldProblem("regionCode", "Matter " + matter.code()
                            + " cannot be routed from " + filing.code() + ": file it at a county."));
                }
            }
        }
        Applicant applicant = validateApplicant(r.applicant(), now, errors);
        Map<String, String> form = matter == null ? Map.of() : validateForm(matter, r.form(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("The application has " + errors.size() + " problem(s); fix them and send it again.",
                    errors);
        }
        return new Validated(matter, filing, route, applicant, form);
    }

    private static boolean routable(MatterVersion matter, Map<Level, String> route) {
        for (Step s : matter.steps()) {
            if (route.get(s.level()) == null || s.parties().stream().anyMatch(p -> route.get(p.level()) == null)) {
                return false;
            }
        }
        return route.get(matter.decidingLevel()) != null;
    }

    private static Applicant validateApplicant(Applicant a, Instant now, List<FieldProblem> errors) {
        if (a == null) {
            errors.add(new FieldProblem("applicant", "Give the applicant: {name, idType, idNumber, phone}."));
            return null;
        }
        String name = a.name() == null ? null : a.name().strip();
        if (blank(name) || name.length() > 100) {
            errors.add(new FieldProblem("applicant.name", "Give the applicant's name (at most 100 characters)."));
        }
        String idType = a.idType() == null ? null : a.idType().strip().toUpperCase(Locale.ROOT);
        String idNumber = a.idNumber() == null ? null : a.idNumber().strip().toUpperCase(Locale.ROOT);
        if (!"ID_CARD".equals(idType) && !"USCC".equals(idType)) {
            errors.add(new FieldProblem("applicant.idType",
                    "Use ID_CARD (居民身份证) for a person or USCC (统一社会信用代码) for an organisation."));
        } else if ("ID_CARD".equals(idType)
                && !IdNumbers.isValidResidentId(idNumber, LocalDate.ofInstant(now, ClockConfig.CHINA))) {
            errors.add(new FieldProblem("applicant.idNumber",
                    "Not a valid resident ID number: 18 characters whose last one is the GB 11643 check digit."));
        } else if ("USCC".equals(idType) && !IdNumbers.isValidCreditCode(idNumber)) {
            errors.add(new FieldProblem("applicant.idNumber",
                    "Not a valid unified social credit code: 18 characters whose last one is the GB 32100 check character."));
        }
        if (!PhoneNumbers.isMainlandMobile(a.phone())) {
            errors.add(new FieldProblem("applicant.phone",
                    "Give a mainland mobile number (11 digits starting with 13-19); notices are sent by SMS."));
        }
        return new Applicant(name, idType, idNumber, PhoneNumbers.normalize(a.phone()));
    }

    private Map<String, String> validateForm(MatterVersion matter, Map<String, Object> form,
            List<FieldProblem> errors) {
        Map<String, Object> given = form == null ? Map.of() : form;
        Map<String, String> out = new LinkedHashMap<>();
        for (String code : given.keySet()) {
            if (matter.fields().stream().noneMatch(f -> f.code().equals(code))) {
                errors.add(new FieldProblem("form." + code, "Matter " + matter.code() + " has no field '" + code
                        + "'; see the fields of GET /api/v1/matters/" + matter.code() + "."));
            }
        }
        for (FormField f : matter.fields()) {
            Object raw = given.get(f.code());
            String value = raw == null ? null : String.valueOf(raw).strip();
            if (blank(value)) {
                if (f.required()) {
                    errors.add(new FieldProblem("form." + f.code(), "Fill in " + f.name() + " (required)."));
                }
                continue;
            }
            String problem = switch (f.type()) {
                case NUMBER -> isNumber(value) ? null : f.name() + " must be a number, e.g. 12.5.";
                case DATE -> isDate(value) ? null : f.name() + " must be a date as YYYY-MM-DD.";
                case REGION -> shared.regions().find(value).isPresent() ? null
                        : f.name() + " must be a region code (GB/T 2260), e.g. 140105.";
                case TEXT -> value.length() <= 2000 ? null : f.name() + " is longer than 2000 characters.";
            };
            if (problem != null) {
                errors.add(new FieldProblem("form." + f.code(), problem));
            } else {
                out.put(f.code(), value);
            }
        }
        return out;
    }

    private static boolean isNumber(String v) {
        try {
            new BigDecimal(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDate(String v) {
        try {
            LocalDate.parse(v);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String queryCode() {
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            b.append(QUERY_ALPHABET.charAt(RANDOM.nextInt(QUERY_ALPHABET.length())));
        }
        return b.toString();
    }

    // ================================================================================================ materials

    @Override
    public MaterialInfo uploadMaterial(CurrentUser user, String number, String materialCode, String filename,
            InputStream content) {
        Instant now = now();
        Loaded l = load(user, number);
        if (!isOwner(user, l.row())) {
            throw ApiException.forbidden("Only the applicant who filed the case uploads its materials.");
        }
        CaseStatus status = l.row().state().status();
        if (status != CaseStatus.DRAFT && status != CaseStatus.SUPPLEMENT_REQUESTED) {
            throw ApiException.notAllowed("Materials can be uploaded to a draft or when supplements are requested; "
                    + "this case is " + status + ".");
        }
        if (l.ctx().matter().material(materialCode).isEmpty()) {
            throw ApiException.notFound("Matter " + l.ctx().matter().code() + " has no material '" + materialCode
                    + "'; see the materials of its service guide.");
        }
        StoredFile stored = shared.files().put("cases/" + number.toLowerCase(Locale.ROOT), filename, content,
                shared.limits().maxBytes());
        try {
            int version = transact(() -> {
                int v = shared.repo().insertMaterial(l.row().id(), materialCode, stored.filename(), stored.size(),
                        stored.sha256(), stored.contentType(), stored.key(), now, user.username());
                appendAudit(l.row(), user, now, "UPLOAD", "material=" + materialCode + "; version=" + v
                        + "; sha256=" + stored.sha256());
                return v;
            });
            return new MaterialInfo(materialCode, stored.filename(), stored.size(), stored.sha256(),
                    stored.contentType(), version, now);
        } catch (RuntimeException e) {
            shared.files().delete(stored.key());
            if (e instanceof DuplicateKeyException) {
                throw ApiException.conflict("Another upload of " + materialCode + " happened at the same time; "
                        + "upload again.");
            }
            throw e;
        }
    }

    @Override
    public MaterialFile openMaterial(CurrentUser user, String number, String materialCode, Integer version) {
        Loaded l = load(user, number);
        CaseRepository.MaterialRow m = shared.repo().material(l.row().id(), materialCode, version)
                .orElseThrow(() -> ApiException.notFound("No version " + (version == null ? "" : version + " ")
                        + "of material " + materialCode + " in case " + number + "."));
        if (!isOwner(user, l.row())) {
            transact(() -> {
                appendAudit(l.row(), user, now(), "VIEW_MATERIAL", "material=" + materialCode + "; version="
                        + m.version());
                return null;
            });
        }
        return new MaterialFile(m.filename(), m.contentType(), m.size(), shared.files().open(m.storageKey()));
    }

    // ================================================================================================ transitions

    @Override
    public CaseView submit(CurrentUser user, String number, String idempotencyKey) {
        Instant now = now();
        return idempotent(user, idempotencyKey, "submit " + number, number, 200, () -> {
            Loaded l = loadToChange(user, number);
            List<CaseRepository.MaterialRow> materials = l.materials();
            java.util.Set<String> uploaded = new java.util.HashSet<>();
            java.util.Set<String> renewed = new java.util.HashSet<>();
            Instant asked = l.row().state().pausedSince();
            for (CaseRepository.MaterialRow m : materials) {
                uploaded.add(m.materialCode());
                if (asked != null && m.uploadedAt().isAfter(asked)) {
                    renewed.add(m.materialCode());
                }
            }
            Transition tr = engine(() -> shared.engine().submit(l.ctx(), l.row().state(), actor(user), uploaded,
                    renewed, now));
            CaseRow after = apply(l, tr, actor(user), now);
            return toView(after, l.ctx(), user, materials, now);
        });
    }

    @Override
    public CaseView act(CurrentUser user, String number, ActionRequest request, String idempotencyKey) {
        Instant now = now();
        if (request == null) {
            throw ApiException.badRequest("body", "Send {action, version, ...} as JSON.");
        }
        CaseAction action = parseAction(request.action());
        if (request.version() == null) {
            throw ApiException.badRequest("version",
                    "Send the case version you read (field 'version' of GET /cases/{number}).");
        }
        Command cmd = new Command(action, request.opinion(), request.missing(), request.procedure(),
                request.returnTo(), request.days());
        return idempotent(user, idempotencyKey, "act " + number, request, 200, () -> {
            Loaded l = loadToChange(user, number);
            if (l.row().version() != request.version()) {
                throw ApiException.conflict("Someone else acted first: the case is at version " + l.row().version()
                        + ", you sent " + request.version() + ". Reload it and decide again.");
            }
            Transition tr = engine(() -> shared.engine().act(l.ctx(), l.row().state(), actor(user), cmd, now));
            CaseRow after = apply(l, tr, actor(user), now);
            return toView(after, l.ctx(), user, l.materials(), now);
        });
    }

    @Override
    public int acceptDueBySilence(int limit) {
        Instant now = now();
        int accepted = 0;
        for (String number : shared.repo().waitingForAcceptanceSince(now.minus(5, ChronoUnit.DAYS), limit)) {
            try {
                Boolean done = transact(() -> {
                    CaseRow row = shared.repo().findToChange(number).orElseThrow();
                    FlowContext ctx = context(row);
                    if (!shared.engine().acceptanceBySilenceDue(ctx, row.state(), now)) {
                        return false;
                    }
                    apply(new Loaded(row, ctx, List.of()), shared.engine().acceptBySilence(ctx, row.state(), now), Actor.SYSTEM,
                            now);
                    return true;
                });
                accepted += done ? 1 : 0;
            } catch (ApiException e) {
                log.info("case {} not accepted by silence: {}", number, e.getMessage());
            }
        }
        return accepted;
    }

    private static CaseAction parseAction(String action) {
        if (blank(action)) {
            throw ApiException.badRequest("action", "Name the action: one of " + java.util.Arrays.toString(
                    CaseAction.values()) + ".");
        }
        try {
            return CaseAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("action", "Unknown action '" + action + "'; use one of "
                    + java.util.Arrays.toString(CaseAction.values()) + ".");
        }
    }

    /**
     * Writes one transition (the caller's transaction): ≤ 6 statements, queued to go with the event publications
     * just before the commit (one round trip on PostgreSQL), the case row first with its version check.
     */
    private CaseRow apply(Loaded l, Transition tr, Actor actor, Instant now) {
        CaseRow row = l.row();
        CaseRepository.AuditRow audit = audit(row.number(), row.id(), row.auditHead(), actor, now, tr.audit().action(),
                tr.audit().before(), tr.audit().after(), tr.audit().detail());
        CaseRepository.Writes writes = shared.repo().writes()
                .updateCase(row.id(), row.version(), row.auditHead(), tr.after(), audit.hash())
                .endSteps(row.id(), tr.ended(), now)
                .startSteps(row.id(), tr.started());
        if (tr.tasksChanged()) {
            writes.replaceTasks(row.id(), shared.engine().openTasks(l.ctx(), row.state()), tr.openTasks(),
                    row.regionCode(), row.matterCode());
        }
        if (tr.pause() != null) {
            writes.pause(row.id(), tr.pause(), now);
        }
        writes.audit(audit).send();
        tr.events().forEach(shared.events()::publishEvent);
        return new CaseRow(row.id(), row.number(), row.matterCode(), row.matterVersionId(), row.regionCode(),
                row.decidingRegionCode(), row.applicantUsername(), row.applicant(), row.formJson(), row.queryCode(),
                row.version() + 1, row.createdAt(), tr.after(), audit.hash());
    }

    private static <T> T engine(Supplier<T> call) {
        try {
            return call.get();
        } catch (Refusal r) {
            throw switch (r.kind()) {
                case BAD_REQUEST -> ApiException.badRequest(r.field(), r.getMessage());
                case FORBIDDEN -> ApiException.forbidden(r.getMessage());
                case NOT_ALLOWED -> r.items().isEmpty() ? ApiException.notAllowed(r.getMessage())
                        : new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, r.getMessage(), r.items().stream()
                                .map(i -> new FieldProblem(r.field() + "." + i, "missing: " + i)).toList());
            };
        }
    }

    // ================================================================================================ reads

    @Override
    public CaseView view(CurrentUser user, String number) {
        Instant now = now();
        Loaded l = load(user, number);
        if (!isOwner(user, l.row())) {
            transact(() -> {
                appendAudit(l.row(), user, now, "VIEW", null);
                return null;
            });
        }
        return toView(l.row(), l.ctx(), user, l.materials(), now);
    }

    @Override
    public List<TimelineEntry> timeline(CurrentUser user, String number) {
        Instant now = now();
        Loaded l = load(user, number);
        FlowState s = l.row().state();
        return shared.repo().timeline(l.row().id()).stream().map(r -> new TimelineEntry(r.stepCode(), r.stepName(),
                r.level(), r.regionCode(), r.partyCode().isEmpty() ? null : r.partyCode(), r.role(), r.actor(),
                r.startedAt(), r.finishedAt(), r.outcome(), r.opinion(), stepDays(r, s, now), r.limitDays()))
                .toList();
    }

    /** Final working days of a finished row; for the running step the time so far, pauses excluded. */
    private BigDecimal stepDays(CaseRepository.StepRow r, FlowState s, Instant now) {
        if (r.finishedAt() != null) {
            return r.workingDays();
        }
        BigDecimal days = wd(r.startedAt(), now);
        if (r.stepCode().equals(s.stepCode())) {
            days = days.subtract(s.stepPausedDays());
            if (s.status() == CaseStatus.SUSPENDED && s.pausedSince() != null) {
                days = days.subtract(wd(s.pausedSince(), now));
            }
        }
        return days.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    @Override
    public List<CaseSummary> mine(CurrentUser user) {
        if (user.role() != Role.APPLICANT) {
            throw ApiException.forbidden("Only applicants have their own cases; officials use GET /api/v1/tasks.");
        }
        return shared.repo().byApplicant(user.username()).stream().map(row -> {
            MatterVersion m = version(row.matterVersionId());
            String step = row.state().stepCode() == null ? null
                    : m.step(row.state().stepCode()).map(Step::name).orElse(null);
            return new CaseSummary(row.number(), row.matterCode(), m.name(), row.regionCode(), row.state().status(),
                    step, row.createdAt(), row.state().dueDate(), row.queryCode());
        }).toList();
    }

    @Override
    public List<TaskItem> tasks(CurrentUser user, String matter, String region, int limit) {
        if (user.role() == null || !user.role().isOfficial() || user.regionCode() == null) {
            throw ApiException.forbidden("Task queues belong to officials (clerks, reviewers, approvers).");
        }
        Instant now = now();
        int n = Math.max(1, Math.min(limit, 500));
        Map<String, String> names = new java.util.HashMap<>();
        return shared.repo().tasks(user.regionCode(), user.role().name(), blankToNull(matter), blankToNull(region), n)
                .stream().map(t -> new TaskItem(t.number(), t.matterCode(),
                        names.computeIfAbsent(t.matterCode(), this::matterName),
                        t.filingRegion(), t.status(), t.stepCode(), t.stepName(), t.since(), t.dueAt(),
                        taskWarning(t.since(), t.dueAt(), now)))
                .toList();
    }

    private String matterName(String code) {
        return shared.catalog().current(code).map(MatterVersion::name).orElse(code);
    }

    private Warning taskWarning(Instant since, Instant dueAt, Instant now) {
        if (now.isAfter(dueAt)) {
            return Warning.RED;
        }
        BigDecimal limit = wd(since, dueAt);
        return wd(since, now).compareTo(limit.multiply(new BigDecimal("0.8"))) >= 0 ? Warning.YELLOW : Warning.GREEN;
    }

    @Override
    public PublicProgress progress(String number, String queryCode) {
        Instant now = now();
        Optional<CaseRow> found = blank(number) ? Optional.empty() : shared.repo().find(number.strip());
        String code = queryCode == null ? "" : queryCode.strip().toUpperCase(Locale.ROOT);
        // compare in constant time; a wrong code and an unknown number look the same
        if (found.isEmpty() || !MessageDigest.isEqual(found.get().queryCode().getBytes(), code.getBytes())) {
            throw ApiException.notFound("No case with this number and query code.");
        }
        CaseRow row = found.get();
        FlowContext ctx = context(row);
        FlowState s = row.state();
        Step current = s.stepCode() == null ? null : ctx.matter().step(s.stepCode()).orElse(null);
        List<PublicProgress.StepTime> steps = shared.repo().timeline(row.id()).stream()
                .map(r -> new PublicProgress.StepTime(r.stepName(), r.level(), r.startedAt(), r.finishedAt(),
                        r.outcome(), stepDays(r, s, now)))
                .toList();
        return new PublicProgress(row.number(), ctx.matter().name(), s.status(),
                current == null ? null : current.name(), current == null ? null : current.level().name(),
                s.acceptedAt(), s.dueDate(), shared.engine().workingDaysUsed(ctx, s, now), steps);
    }

    // ================================================================================================ Cases

    @Override
    public Optional<CaseDetails> find(String number) {
        return shared.repo().find(number).map(this::details);
    }

    @Override
    public CaseDetails requireVisible(String number, CurrentUser user) {
        return details(load(user, number).row());
    }

    @Override
    public List<DeadlineWarning> deadlineWarnings(String areaRegionCode, Instant now) {
        List<String> area = shared.regions().all().stream()
                .filter(r -> shared.regions().isWithin(r.code(), areaRegionCode)).map(Region::code).toList();
        return warnings(shared.repo().runningIn(area), now);
    }

    /** The yellow and red ones of {@code running}, red first, then by due date. */
    private List<DeadlineWarning> warnings(List<CaseRow> running, Instant now) {
        List<DeadlineWarning> out = new ArrayList<>();
        for (CaseRow row : running) {
            FlowContext ctx = context(row);
            Warning w = caseWarning(ctx, row.state(), now);
            if (w == Warning.YELLOW || w == Warning.RED) {
                out.add(new DeadlineWarning(row.number(), row.matterCode(), row.regionCode(), row.state().status(),
                        row.state().stepCode(), row.state().dueDate(),
                        shared.engine().workingDaysUsed(ctx, row.state(), now),
                        FlowEngine.limitDays(ctx) + row.state().extensionDays(), w));
            }
        }
        out.sort(Comparator.comparing((DeadlineWarning d) -> d.warning() != Warning.RED)
                .thenComparing(DeadlineWarning::dueDate));
        return out;
    }

    private CaseDetails details(CaseRow row) {
        MatterVersion m = version(row.matterVersionId());
        FlowState s = row.state();
        return new CaseDetails(row.number(), row.matterCode(), row.matterVersionId(), m.name(), row.regionCode(),
                row.decidingRegionCode(), s.status(), row.applicantUsername(), row.applicant(), form(row),
                row.queryCode(), row.createdAt(), s.submittedAt(), s.acceptedAt(), s.decidedAt(), s.dueDate(),
                s.extensionDays());
    }

    // ================================================================================================ audit

    @Override
    public AuditReport verifyAudit(CurrentUser user) {
        if (user.role() != Role.SUPERVISOR && user.role() != Role.ADMIN) {
            throw ApiException.forbidden("Only supervisors and administrators verify the audit trail.");
        }
        return verifyAudit();
    }

    /** Walks every chain: each record's prev_hash is its predecessor's hash, its hash recomputes, the head matches. */
    AuditReport verifyAudit() {
        long[] checked = {0};
        AuditReport.BrokenLink[] broken = {null};
        String[] chain = {null, null, null}; // case number, expected prev hash, case head
        long[] lastId = {0};
        shared.repo().eachAudit(a -> {
            if (broken[0] != null) {
                return;
            }
            if (!a.caseNumber().equals(chain[0])) {
                if (chain[0] != null && !chain[1].equals(chain[2])) {
                    broken[0] = new AuditReport.BrokenLink(lastId[0], chain[0]);
                    return;
                }
                chain[0] = a.caseNumber();
                chain[1] = AuditHash.GENESIS;
                chain[2] = a.caseHead();
            }
            checked[0]++;
            CaseRepository.AuditRow r = a.row();
            if (!r.prevHash().equals(chain[1]) || !AuditHash.of(a.caseNumber(), r).equals(r.hash())) {
                broken[0] = new AuditReport.BrokenLink(a.id(), a.caseNumber());
                return;
            }
            chain[1] = r.hash();
            lastId[0] = a.id();
        });
        if (broken[0] == null && chain[0] != null && !chain[1].equals(chain[2])) {
            broken[0] = new AuditReport.BrokenLink(lastId[0], chain[0]);
        }
        if (broken[0] == null) {
            List<String> emptied = shared.repo().casesWithHeadButNoRecords(AuditHash.GENESIS);
            if (!emptied.isEmpty()) {
                broken[0] = new AuditReport.BrokenLink(0, emptied.getFirst());
            }
        }
        return new AuditReport(broken[0] == null, checked[0], broken[0]);
    }

    private static CaseRepository.AuditRow audit(String number, long caseId, String prev, Actor actor, Instant at,
            String action, CaseStatus before, CaseStatus after, String detail) {
        CaseRepository.AuditRow unsigned = new CaseRepository.AuditRow(caseId, at, actor.username(),
                actor.role() == null ? null : actor.role().name(), actor.regionCode(), action,
                before == null ? null : before.name(), after == null ? null : after.name(), cut(detail), prev, null);
        return withHash(unsigned, AuditHash.of(number, unsigned));
    }

    private static CaseRepository.AuditRow withHash(CaseRepository.AuditRow a, String hash) {
        return new CaseRepository.AuditRow(a.caseId(), a.at(), a.actor(), a.role(), a.regionCode(), a.action(),
                a.before(), a.after(), a.detail(), a.prevHash(), hash);
    }

    private static CaseRepository.AuditRow withCase(CaseRepository.AuditRow a, long caseId) {
        return new CaseRepository.AuditRow(caseId, a.at(), a.actor(), a.role(), a.regionCode(), a.action(),
                a.before(), a.after(), a.detail(), a.prevHash(), a.hash());
    }

    private static CaseRow withHead(CaseRow r, String head) {
        return new CaseRow(r.id(), r.number(), r.matterCode(), r.matterVersionId(), r.regionCode(),
                r.decidingRegionCode(), r.applicantUsername(), r.applicant(), r.formJson(), r.queryCode(),
                r.version(), r.createdAt(), r.state(), head);
    }

    /**
     * Appends a record that changes no state (a read of personal data, an upload) to the case's chain; moves the
     * head with a compare-and-set and retries on a concurrent append.
     */
    private void appendAudit(CaseRow row, CurrentUser user, Instant now, String action, String detail) {
        CaseRow current = row;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CaseRepository.AuditRow a = audit(current.number(), current.id(), current.auditHead(), actor(user), now,
                    action, current.state().status(), current.state().status(), detail);
            if (shared.repo().moveAuditHead(current.id(), current.auditHead(), a.hash())) {
                shared.repo().insertAudit(a);
                return;
            }
            current = shared.repo().find(row.number()).orElseThrow();
        }
        throw ApiException.conflict("The case is very busy right now; try again.");
    }

    // ================================================================================================ plumbing

    /** A case as read for a request, with every version of its materials (read in the same statement). */
    private record Loaded(CaseRow row, FlowContext ctx, List<CaseRepository.MaterialRow> materials) {}

    /** The case if the caller may see it; otherwise 404, exactly as for a case that does not exist. */
    private Loaded load(CurrentUser user, String number) {
        return load(user, number, false);
    }

    /** {@link #load} for a transition: locked until the commit on PostgreSQL. */
    private Loaded loadToChange(CurrentUser user, String number) {
        return load(user, number, true);
    }

    private Loaded load(CurrentUser user, String number, boolean toChange) {
        CaseRepository.CaseWithMaterials found = blank(number) ? null
                : shared.repo().findWithMaterials(number.strip(), toChange).orElse(null);
        if (found != null) {
            CaseRow row = found.row();
            FlowContext ctx = context(row);
            if (shared.access().mayView(user, row.applicantUsername(), row.regionCode(), ctx)) {
                return new Loaded(row, ctx, found.materials());
            }
        }
        throw ApiException.notFound("Case " + number + " was not found.");
    }

    private FlowContext context(CaseRow row) {
        return new FlowContext(row.number(), row.applicantUsername(), version(row.matterVersionId()),
                route(row.regionCode()), shared.calendar());
    }

    /** Published matter versions are immutable: cached by id. */
    private MatterVersion version(long id) {
        return shared.versions().computeIfAbsent(id, shared.catalog()::version);
    }

    /** The filing region's ancestor at every level (逐级: county → city → province). */
    private Map<Level, String> route(String regionCode) {
        return shared.routes().computeIfAbsent(regionCode, code -> {
            Map<Level, String> m = new EnumMap<>(Level.class);
            for (Level level : Level.values()) {
                shared.regions().ancestorAt(code, level).ifPresent(r -> m.put(level, r.code()));
            }
            return Map.copyOf(m);
        });
    }

    private static Actor actor(CurrentUser user) {
        return new Actor(user.username(), user.role(), user.regionCode());
    }

    private static boolean isOwner(CurrentUser user, CaseRow row) {
        return user.role() == Role.APPLICANT && user.username().equals(row.applicantUsername());
    }

    private CaseView toView(CaseRow row, FlowContext ctx, CurrentUser user,
            List<CaseRepository.MaterialRow> materials, Instant now) {
        FlowState s = row.state();
        CaseView.CurrentStep current = null;
        if (s.stepCode() != null) {
            Step step = ctx.matter().step(s.stepCode()).orElseThrow();
            List<Transition.Task> open = shared.engine().openTasks(ctx, s);
            current = new CaseView.CurrentStep(step.code(), step.name(), step.kind().name(), step.level().name(),
                    ctx.handlingRegion(step),
                    s.stepStartedAt(), open.isEmpty() ? null : open.getFirst().dueAt(),
                    open.stream().map(Transition.Task::regionCode).distinct().toList());
        }
        Map<String, CaseRepository.MaterialRow> latest = new LinkedHashMap<>();
        materials.forEach(m -> latest.put(m.materialCode(), m));
        Actor actor = actor(user);
        List<String> allowed = new ArrayList<>();
        if (isOwner(user, row) && (s.status() == CaseStatus.DRAFT || s.status() == CaseStatus.SUPPLEMENT_REQUESTED)) {
            allowed.add("SUBMIT");
        }
        shared.engine().allowedActions(ctx, s, actor, now).forEach(a -> allowed.add(a.name()));
        Applicant a = row.applicant();
        Applicant shown = shared.access().seesPersonalData(user) ? a
                : new Applicant(a.name(), a.idType(), maskId(a.idNumber()), PhoneNumbers.mask(a.phone()));
        return new CaseView(row.number(), row.matterCode(), ctx.matter().name(), ctx.matter().version(),
                row.regionCode(), row.decidingRegionCode(), s.status(), current, s.dueDate(), s.dueAt(),
                shared.engine().workingDaysUsed(ctx, s, now), FlowEngine.limitDays(ctx), s.extensionDays(),
                caseWarning(ctx, s, now), row.version(), row.queryCode(), shown, form(row),
                latest.values().stream().map(CaseRepository.MaterialRow::info).toList(), allowed, s.missing(),
                s.procedure(), row.createdAt(), s.submittedAt(), s.acceptedAt(), s.decidedAt(), s.finishedAt());
    }

    /** Red past the due time (or paused after it); yellow from 80 % of the limit used; none once finished. */
    private Warning caseWarning(FlowContext ctx, FlowState s, Instant now) {
        if (s.finishedAt() != null) {
            return null;
        }
        if (s.acceptedAt() == null || s.dueAt() == null) {
            return Warning.GREEN;
        }
        Instant reference = s.pausedSince() != null ? s.pausedSince() : now;
        if (reference.isAfter(s.dueAt())) {
            return Warning.RED;
        }
        BigDecimal limit = BigDecimal.valueOf(FlowEngine.limitDays(ctx) + s.extensionDays());
        return shared.engine().workingDaysUsed(ctx, s, now).compareTo(limit.multiply(new BigDecimal("0.8"))) >= 0
                ? Warning.YELLOW : Warning.GREEN;
    }

    private Map<String, String> form(CaseRow row) {
        return shared.json().readValue(row.formJson(), new TypeReference<LinkedHashMap<String, String>>() {});
    }

    private static String maskId(String id) {
        if (id == null || id.length() < 8) {
            return "****";
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    private BigDecimal wd(Instant from, Instant to) {
        return !to.isAfter(from) ? BigDecimal.ZERO.setScale(2)
                : shared.calendar().workingDays(from, to).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Runs {@code work} in one transaction; on a concurrent change (a versioned update that missed at the commit),
     * again with fresh data (its checks then say 409).
     */
    private <T> T transact(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return shared.tx().execute(status -> work.get());
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw ApiException.conflict("Someone else acted on the case at the same time; reload it.");
                }
            }
        }
    }

    /**
     * Idempotency-Key: the answer is stored with the work in the same transaction. A retry runs into the stored key
     * (the unique key, or the version check that the first run moved on) and gets the first answer back; the same
     * key with a different request is refused (422). Failed requests store nothing.
     */
    private CaseView idempotent(CurrentUser user, String key, String operation, Object request, int status,
            Supplier<CaseView> work) {
        String k = blankToNull(key);
        if (k != null && k.length() > 100) {
            throw ApiException.badRequest("Idempotency-Key", "Use an Idempotency-Key of at most 100 characters.");
        }
        String hash = k == null ? null : AuditHash.sha256(operation + "\n" + request);
        try {
            return transact(() -> {
                CaseView v = work.get();
                if (k != null) {
                    shared.repo().insertIdempotency(user.username(), k, hash, status, v.number(),
                            shared.json().writeValueAsString(v), now());
                }
                return v;
            });
        } catch (ApiException | DuplicateKeyException e) {
            if (k == null) {
                throw e;
            }
            Optional<CaseRepository.StoredAnswer> stored = shared.repo().findIdempotency(user.username(), k);
            if (stored.isEmpty()) {
                throw e;
            }
            if (!stored.get().requestHash().equals(hash)) {
                throw ApiException.notAllowed("This Idempotency-Key was already used for a different request; "
                        + "use a new key for a new request.");
            }
            return shared.json().readValue(stored.get().body(), CaseView.class);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    // ================================================================================ deadline onsets (statistics)

    @Override
    public List<DeadlineWarning> deadlineWarnings(Collection<String> numbers, Instant now) {
        return warnings(shared.repo().runningNumbered(numbers), now);
    }

    @Override
    public Map<String, DeadlineOnset> runningDeadlineOnsets(Collection<String> numbers) {
        return shared.repo().runningNumbered(numbers).stream()
                .collect(java.util.stream.Collectors.toMap(CaseRow::number, this::deadlineOnset));
    }

    /**
     * {@link #caseWarning} solved for time: a running case is red after its due time and yellow from the first
     * millisecond at which 80 % of the limit is used (the used days only grow with time, so a bisection over the
     * rule itself finds it); a paused case keeps the colour it had when the pause began.
     */
    private DeadlineOnset deadlineOnset(CaseRow row) {
        FlowState s = row.state();
        if (s.finishedAt() != null || s.acceptedAt() == null || s.dueAt() == null) {
            return new DeadlineOnset(row.version(), s.dueDate(), null, null);
        }
        FlowContext ctx = context(row);
        if (s.pausedSince() != null) {
            Instant paused = s.pausedSince().isAfter(s.acceptedAt()) ? s.pausedSince() : s.acceptedAt();
            Warning w = caseWarning(ctx, s, paused);
            return new DeadlineOnset(row.version(), s.dueDate(),
                    w == Warning.GREEN ? null : Instant.EPOCH, w == Warning.RED ? Instant.EPOCH : null);
        }
        Instant yellow = null;
        if (caseWarning(ctx, s, s.acceptedAt()) != Warning.GREEN) {
            yellow = s.acceptedAt();
        } else if (!s.dueAt().isBefore(s.acceptedAt()) && caseWarning(ctx, s, s.dueAt()) != Warning.GREEN) {
            // green at lo, yellow at hi; the rule reads whole milliseconds of 'now'
            long lo = s.acceptedAt().toEpochMilli(), hi = s.dueAt().toEpochMilli();
            while (hi - lo > 1) {
                long mid = lo + (hi - lo) / 2;
                if (caseWarning(ctx, s, Instant.ofEpochMilli(mid)) != Warning.GREEN) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            yellow = Instant.ofEpochMilli(hi);
        }
        return new DeadlineOnset(row.version(), s.dueDate(), yellow, s.dueAt());
    }
}
