package org.lianban.web.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/v1/regions}, run on H2 and PostgreSQL. */
abstract class RegionApiContract {

    @Autowired MockMvc mvc;

    @Test
    void withoutParentItListsTheProvinceAlone() throws Exception {
        mvc.perform(get("/api/v1/regions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].code").value("140000"))
                .andExpect(jsonPath("$[0].name").value("山西省"))
                .andExpect(jsonPath("$[0].level").value("PROVINCE"));
    }

    @Test
    void theProvinceHasExactlyTheElevenCitiesInCodeOrder() throws Exception {
        mvc.perform(get("/api/v1/regions").param("parent", "140000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(contains("140100", "140200", "140300", "140400", "140500",
                        "140600", "140700", "140800", "140900", "141000", "141100")))
                .andExpect(jsonPath("$[*].level").value(contains("CITY", "CITY", "CITY", "CITY", "CITY", "CITY",
                        "CITY", "CITY", "CITY", "CITY", "CITY")));
    }

    @Test
    void taiyuanHasTenCountyLevelUnits() throws Exception {
        mvc.perform(get("/api/v1/regions").param("parent", "140100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(contains("140105", "140106", "140107", "140108", "140109",
                        "140110", "140121", "140122", "140123", "140181")))
                .andExpect(jsonPath("$[0].name").value("小店区"))
                .andExpect(jsonPath("$[9].name").value("古交市"))
                .andExpect(jsonPath("$[9].level").value("COUNTY"));
    }

    @Test
    void aCountyHasNoChildren() throws Exception {
        mvc.perform(get("/api/v1/regions").param("parent", "140105"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aParentThatIsNotSixDigitsIsABadRequestNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/regions").param("parent", "14abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("parent"));
    }

    @Test
    void anUnknownParentIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/regions").param("parent", "990000"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
