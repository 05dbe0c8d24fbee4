package org.lianban.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The two languages stay in step, and templates carry no natural-language text of their own. */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyChineseTextHasAnEnglishOneAndBack() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
    }

    @Test
    void englishTextsAreEnglish() throws IOException {
        Properties en = load("messages_en.properties");
        Pattern han = Pattern.compile("\\p{IsHan}");
        List<String> chinese = en.stringPropertyNames().stream()
                .filter(k -> !List.of("platform.emblem", "layout.lang.zh").contains(k))
                .filter(k -> !k.startsWith("verify.")) // verification page quotes the certificate's Chinese title
                .filter(k -> han.matcher(en.getProperty(k)).find() && !en.getProperty(k).contains("for example"))
                .toList();
        assertThat(chinese).isEmpty();
    }

    @Test
    void templatesHaveNoHardCodedChineseText() throws IOException {
        Pattern han = Pattern.compile("\\p{IsHan}");
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".html"))
                    .flatMap(f -> lines(f).stream().filter(l -> han.matcher(l).find()).map(l -> f + ": " + l.strip()))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
