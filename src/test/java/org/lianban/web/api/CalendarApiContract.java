package org.lianban.web.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.lianban.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The calendar API on H2 and PostgreSQL. Administrator tests write far-future years (2150, 2151) that nothing else
 * uses, so they do not disturb other tests sharing the database.
 */
abstract class CalendarApiContract {

    @Autowired MockMvc mvc;
    @Autowired TestClock clock;

    @Test
    void deadlineSkipsTheNewYearHoliday() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline").param("start", "2023-12-29").param("days", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.start").value("2023-12-29"))
                .andExpect(jsonPath("$.days").value(1))
                .andExpect(jsonPath("$.deadline").value("2024-01-02"));
    }

    @Test
    void workingDaysAcrossSpringFestivalHaveTwoDecimals() throws Exception {
        // Thu 02-08 22:00 .. Mon 02-19 02:00: 2 h + Fri 24 h + (02-10 .. 02-17 off) + Sun 02-18 workday 24 h + 2 h = 52 h
        mvc.perform(get("/api/v1/calendar/working-days")
                        .param("from", "2024-02-08T22:00:00+08:00").param("to", "2024-02-19T02:00:00+08:00"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"workingDays\": 2.17}"))
                .andExpect(content().string("{\"workingDays\":2.17}"));
        mvc.perform(get("/api/v1/calendar/working-days")
                        .param("from", "2024-03-04T01:00:00Z").param("to", "2024-03-04T13:00:00Z"))
                .andExpect(content().string("{\"workingDays\":0.50}"));
    }

    @Test
    void missingOrGarbledParametersAreBadRequestsNamingThem() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline").param("days", "5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("start"));
        mvc.perform(get("/api/v1/calendar/deadline").param("start", "2024-02-30").param("days", "5"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("start"));
        mvc.perform(get("/api/v1/calendar/deadline").param("start", "2024-02-01").param("days", "five"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
        mvc.perform(get("/api/v1/calendar/deadline").param("start", "2024-02-01").param("days", "-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("days"));
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "2024-02-08T22:00:00+08:00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/calendar/working-days")
                        .param("from", "yesterday").param("to", "2024-02-08T22:00:00+08:00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/calendar/working-days")
                        .param("from", "2024-02-09T00:00:00+08:00").param("to", "2024-02-08T00:00:00+08:00"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "twenty"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
    }

    @Test
    void holidaysOfAYearAreListedByDateWithUpperCaseKinds() throws Exception {
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].date").value("2026-01-01"))
                .andExpect(jsonPath("$[0].kind").value("HOLIDAY"))
                .andExpect(jsonPath("$[0].name").value("元旦"))
                .andExpect(jsonPath("$[3].date").value("2026-01-04"))
                .andExpect(jsonPath("$[3].kind").value("WORKDAY"));
    }

    @Test
    void yearsAndHealthReportThatNextYearHasNoData() throws Exception {
        clock.set("2026-11-29T10:00");
        mvc.perform(get("/api/v1/calendar/years"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.coveredYears").value(hasItem(2020)))
                .andExpect(jsonPath("$.coveredYears").value(hasItem(2026)))
                .andExpect(jsonPath("$.missingYears").value(hasItem(2027)))
                .andExpect(jsonPath("$.missingYears", hasSize(1)))
                .andExpect(jsonPath("$.years[0].year").value(2020))
                .andExpect(jsonPath("$.years[0].updatedBy").value("system"));
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.calendar.status").value("UP"))
                .andExpect(jsonPath("$.components.calendar.details.missingYears[0]").value(2027))
                .andExpect(jsonPath("$.components.calendar.details.coveredYears").value(hasItem(2026)))
                .andExpect(jsonPath("$.components.calendar.details.warning").exists());
        clock.set("2025-06-01T10:00");
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.components.calendar.details.missingYears", hasSize(0)))
                .andExpect(jsonPath("$.components.calendar.details.warning").doesNotExist());
    }

    @Test
    @WithMockUser(username = "admin@140000", roles = "ADMIN")
    void anAdministratorReplacesAYearFromCsvAndTheArithmeticUsesItAtOnce() throws Exception {
        // 2150-01-01 is a Thursday: 01-01 .. 01-03 off, Sun 01-04 a workday
        String csv = "date,kind,name\n2150-01-01,holiday,元旦\n2150-01-02,holiday,元旦\n2150-01-03,holiday,元旦\n"
                + "2150-01-04,workday,元旦\n";
        mvc.perform(put("/api/v1/admin/calendar/years/2150").param("source", "test notice")
                        .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2150))
                .andExpect(jsonPath("$.source").value("test notice"))
                .andExpect(jsonPath("$.updatedBy").value("admin@140000"))
                .andExpect(jsonPath("$.holidays").value(3))
                .andExpect(jsonPath("$.workdays").value(1))
                .andExpect(jsonPath("$.days", hasSize(4)));
        // Wed 2149-12-31 + 1: Thu, Fri off, Sat off, Sun 01-04 workday
        mvc.perform(get("/api/v1/calendar/deadline").param("start", "2149-12-31").param("days", "1"))
                .andExpect(jsonPath("$.deadline").value("2150-01-04"));

        // replacing again drops the old rows: only 01-01 off now, so + 1 = Fri 01-02
        mvc.perform(put("/api/v1/admin/calendar/years/2150").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"date\":\"2150-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days", hasSize(1)));
        mvc.perform(get("/api/v1/calendar/deadline").param("start", "2149-12-31").param("days", "1"))
                .andExpect(jsonPath("$.deadline").value("2150-01-02"));
        mvc.perform(get("/api/v1/calendar/years")).andExpect(jsonPath("$.coveredYears").value(hasItem(2150)));
    }

    @Test
    @WithMockUser(username = "admin@140000", roles = "ADMIN")
    void badRowsAreAllListedAndNothingIsStored() throws Exception {
        // 2151-01-01 is a Friday
        String csv = "date,kind,name\n2151-01-01,holiday,元旦\n2151-02-30,holiday,春节\n2150-12-31,holiday,元旦\n"
                + "2151-01-05,workday,元旦\n2151-01-01,holiday,元旦\n2151-01-10,rest,\n";
        mvc.perform(put("/api/v1/admin/calendar/years/2151").contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
                        "row 2: date", "row 3: date", "row 4: kind", "row 5: date", "row 6: kind", "row 6: name")));
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "2151")).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/calendar/years")).andExpect(jsonPath("$.coveredYears").value(not(hasItem(2151))));
    }

    @Test
    @WithMockUser(username = "clerk@140105", roles = "CLERK")
    void aClerkMayNotChangeTheCalendar() throws Exception {
        mvc.perform(put("/api/v1/admin/calendar/years/2152").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"date\":\"2152-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}]"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "2152")).andExpect(jsonPath("$", hasSize(0)));
    }
}
