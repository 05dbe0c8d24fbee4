package org.lianban.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lianban.notify.SmsTemplateInfo;

/** The configured zh-CN SMS templates ({@code lianban.sms.templates.<name>}) with {@code {placeholder}}s. */
public final class SmsTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    /** Values that show administrators the length of a typical message. */
    private static final Map<String, String> SAMPLE = Map.of(
            "caseNumber", "140105-2026-000123", "queryCode", "A7K2Q9", "matterName", "建设用地规划许可证核发",
            "missing", "建设项目用地预审与选址意见书、土地权属证明", "respondBy", "2026年12月28日",
            "dueDate", "2026年12月28日", "reason", "申请事项不属于本机关职权范围", "days", "10");

    private final Map<String, String> templates;

    public SmsTemplates(Map<String, String> templates) {
        this.templates = new TreeMap<>(templates);
    }

    public boolean has(String name) {
        return templates.containsKey(name);
    }

    /** The template filled in; every placeholder must have a value. */
    public String render(String name, Map<String, String> values) {
        String template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no SMS template lianban.sms.templates." + name);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("SMS template " + name + ": no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public List<SmsTemplateInfo> describe() {
        List<SmsTemplateInfo> out = new ArrayList<>();
        templates.forEach((name, template) -> {
            String sample = PLACEHOLDER.matcher(template)
                    .replaceAll(r -> Matcher.quoteReplacement(SAMPLE.getOrDefault(r.group(1), r.group())));
            out.add(new SmsTemplateInfo(name, template, sample, sample.length(), SmsSegments.count(sample)));
        });
        return out;
    }
}
