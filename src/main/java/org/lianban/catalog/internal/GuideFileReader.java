package org.lianban.catalog.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Decides a guide file's type by its content, not its name (an .xlsx is a ZIP; YAML and JSON are UTF-8 text), and
 * reads it into a {@link ParsedGuide}.
 */
final class GuideFileReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private GuideFileReader() {}

    static ParsedGuide read(String filename, byte[] bytes) {
        if (isZip(bytes)) {
            return XlsxGuideReader.read(bytes);
        }
        String text = utf8Text(bytes);
        if (text == null) {
            throw ApiException.unsupportedType("The file is neither YAML or JSON text (UTF-8) nor an Excel .xlsx "
                    + "workbook. Export the guide in one of those formats (see docs/catalog-import.md).");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        boolean json = text.stripLeading().startsWith("{") || text.stripLeading().startsWith("[");
        try {
            Object root = json ? JSON.readValue(text, Object.class) : YAML.readValue(text, Object.class);
            return new ParsedGuide(root);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String message = (json ? "Not valid JSON" : "Not valid YAML") + where + ": " + e.getOriginalMessage();
            throw ApiException.badRequest("The file cannot be read" + where + ".",
                    List.of(new FieldProblem(at == null ? "file" : "line " + at.getLineNr() + ", column "
                            + at.getColumnNr(), message)));
        }
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** The bytes as text, or null when they are not UTF-8 or contain control bytes no text file has. */
    private static String utf8Text(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                    return null;
                }
            }
            return s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
