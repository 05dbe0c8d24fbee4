package org.lianban.cases;

import java.util.Map;

/** {@code POST /cases}: an application. Form values may be JSON strings or numbers; they are checked by field type. */
public record NewCase(String matterCode, String regionCode, Applicant applicant, Map<String, Object> form) {}
