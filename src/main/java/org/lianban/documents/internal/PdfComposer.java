package org.lianban.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.lianban.common.ClockConfig;
import org.lianban.documents.DocumentKind;
import org.lianban.documents.internal.DocumentRequest.Field;
import org.lianban.documents.internal.DocumentTexts.Block;
import org.lianban.documents.internal.DocumentTexts.Composition;
import org.lianban.documents.internal.DocumentTexts.Fields;
import org.lianban.documents.internal.DocumentTexts.Numbered;
import org.lianban.documents.internal.DocumentTexts.Paragraph;

import com.google.zxing.common.BitMatrix;

/**
 * Lays a document out on A4 the way a Chinese government document looks (after GB/T 9704-2012 公文格式): the
 * authority's name in red over a red rule with the document number, the title centred, the addressee, the body, and
 * the authority and date at the bottom right under a red seal mark. Certificates get a bordered layout with a QR code.
 * Produces the unsigned PDF; {@link PdfSigner} signs it.
 */
public final class PdfComposer {

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float LEFT = 28 * MM;
    private static final float RIGHT = A4.getWidth() - 26 * MM;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float TOP = A4.getHeight() - 25 * MM;
    private static final float BOTTOM = 30 * MM;
    private static final float BODY_SIZE = 14f;
    private static final float LEADING = 26f;
    private static final float[] RED = {0.80f, 0.05f, 0.05f};
    private static final float[] DARK_RED = {0.55f, 0.08f, 0.08f};
    private static final float[] BLACK = {0f, 0f, 0f};
    private static final float[] GREY = {0.35f, 0.35f, 0.35f};
    /** Characters that must not begin a line (避头). */
    private static final String NO_LINE_START = "，。、；：？！）》」』”’〕％,.;:?!)]";
    /** Characters that must not end a line (避尾). */
    private static final String NO_LINE_END = "（《「『“‘〔([";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PdfComposer.class);

    private final CjkFonts fonts;

    public PdfComposer(CjkFonts fonts) {
        this.fonts = fonts;
    }

    /** The unsigned PDF of a notice, decision or certificate. */
    public byte[] render(DocumentRequest request) {
        try {
            return render(request, fonts.borrowCommon());
        } catch (NeedsCompleteFont e) {
            return render(request, fonts.borrowComplete());
        } catch (RuntimeException e) {
            // the cut face is an optimisation: whatever goes wrong with it, the complete font sets the document
            log.warn("common font face failed for {} ({}); setting it with the complete font", request.kind(),
                    e.toString());
            return render(request, fonts.borrowComplete());
        }
    }

    /** A character outside the common face: set the document again with the complete font. */
    private static final class NeedsCompleteFont extends RuntimeException {
        NeedsCompleteFont() {
            super(null, null, false, false);
        }
    }

    private byte[] render(DocumentRequest request, CjkFonts.Faces faces) {
        boolean reusable = false;
        try (PDDocument doc = new PDDocument()) {
            Writer w = new Writer(doc, faces);
            if (request.kind() == DocumentKind.CERTIFICATE) {
                w.certificate(request);
            } else {
                w.notice(request, DocumentTexts.compose(request));
            }
            w.close();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(request.kind().title() + " " + request.number());
            info.setAuthor(request.authority().name());
            info.setCreator("Lianban 联办");
            info.setProducer("Lianban 联办 (Apache PDFBox)");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ClockConfig.CHINA));
            created.setTimeInMillis(request.issuedAt().toEpochMilli());
            info.setCreationDate(created);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out);
            reusable = true;
            return out.toByteArray();
        } catch (NeedsCompleteFont e) {
            reusable = true; // nothing went wrong with the font itself
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + request.kind() + " " + request.number(), e);
        } finally {
            if (reusable) {
                fonts.release(faces);
            } // else: a font that failed in use is dropped, never pooled again
        }
    }

    /** Writes pages; holds the current content stream and vertical position. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDFont regular;
        private final PDFont bold;
        private final CmapLookup cmap;
        private final boolean completeFont;
        private PDPageContentStream cs;
        private float y;
        private int pages;
        private String footer = "";
        /** Notices and decisions number their pages (— 1 —); a certificate is one sheet. */
        private boolean numberPages = true;

        Writer(PDDocument doc, CjkFonts.Faces faces) throws IOException {
            this.doc = doc;
            this.regular = PDType0Font.load(doc, faces.regular(), true);
            this.bold = PDType0Font.load(doc, faces.bold(), true);
            this.cmap = faces.regular().getUnicodeCmapLookup();
            this.completeFont = faces.complete();
        }

        // ---------------------------------------------------------------- notices and decisions

        void notice(DocumentRequest r, Composition c) throws IOException {
            footer = "本文书由" + r.authority().name() + "电子签名签发，与加盖印章的纸质文书具有同等法律效力。申请编号："
                    + r.caseNumber();
            newPage();
            // 版头: the issuing authority in red, the document number, the red rule (红色分隔线)
            centred(r.authority().name(), bold, 24f, RED, y - 24f);
            y -= 60f;
            centred(r.number(), regular, 13f, BLACK, y);
            y -= 12f;
            color(RED, true);
            cs.setLineWidth(1.6f);
            cs.moveTo(LEFT, y);
            cs.lineTo(RIGHT, y);
            cs.stroke();
            y -= 46f;
            for (String line : wrap(c.title(), bold, 20f, WIDTH, 0)) {
                centred(line, bold, 20f, BLACK, y);
                y -= 32f;
            }
            y -= 10f;
            paragraph(c.addressee(), regular, BODY_SIZE, 0, BLACK);
            for (Block b : c.body()) {
                switch (b) {
                    case Paragraph p -> paragraph(p.text(), regular, BODY_SIZE, 2 * BODY_SIZE, BLACK);
                    case Numbered n -> {
                        int i = 1;
                        for (String item : n.items()) {
                            hanging((i++) + ". ", item, 2 * BODY_SIZE);
                        }
                    }
                    case Fields f -> {
                        for (Field field : f.fields()) {
                            hanging(field.label() + "：", field.value(), 2 * BODY_SIZE);
                        }
                    }
                }
            }
            signatureBlock(r);
        }

        /** Authority and date at the bottom right, the seal mark over them (落款 + 印章). */
        private void signatureBlock(DocumentRequest r) throws IOException {
            // the gap, two lines, and the lower half of the seal must fit above the footer
            float needed = LEADING + LEADING + 40f;
            if (y - needed < BOTTOM - 20f) {
                newPage();
            }
            y -= LEADING;
            String authority = r.authority().name();
            String date = DocumentTexts.date(r.issuedAt().atZone(ClockConfig.CHINA).toLocalDate());
            float aw = width(authority, regular, BODY_SIZE);
            float dw = width(date, regular, BODY_SIZE);
            float block = Math.max(aw, dw);
            float right = RIGHT - 4 * BODY_SIZE;
            float centre = right - block / 2;
            text(authority, regular, BODY_SIZE, BLACK, centre - aw / 2, y);
            text(date, regular, BODY_SIZE, BLACK, centre - dw / 2, y - LEADING);
            seal(authority, centre, y - LEADING / 2 + 4f, 46f);
            y -= 2 * LEADING;
        }

        // ---------------------------------------------------------------- certificate

        void certificate(DocumentRequest r) throws IOException {
            DocumentRequest.CertificateInfo cert = r.certificate();
            numberPages = false;
            footer = "本证照由发证机关电子签名。扫描二维码或访问 " + cert.verifyUrl() + " 核验真伪与状态。";
            newPage();
            // border: a heavy and a fine rule
            color(DARK_RED, true);
            cs.setLineWidth(3f);
            cs.addRect(14 * MM, 14 * MM, A4.getWidth() - 28 * MM, A4.getHeight() - 28 * MM);
            cs.stroke();
            cs.setLineWidth(0.8f);
            cs.addRect(17 * MM, 17 * MM, A4.getWidth() - 34 * MM, A4.getHeight() - 34 * MM);
            cs.stroke();

            y = A4.getHeight() - 38 * MM;
            centred(spaced(r.kind().title()), bold, 30f, DARK_RED, y);
            y -= 26f;
            centred("（电子证照）", regular, 12f, GREY, y);
            y -= 38f;
            if (r.matterName() != null) {
                for (String line : wrap(r.matterName(), bold, 17f, WIDTH, 0)) {
                    centred(line, bold, 17f, BLACK, y);
                    y -= 26f;
                }
            }
            y -= 4f;
            String no = "证书编号：" + cert.number();
            text(no, regular, 11f, BLACK, RIGHT - width(no, regular, 11f), y);
            y -= 14f;

            List<Field> rows = new ArrayList<>();
            rows.add(new Field("持证人", r.holder().name()));
            rows.add(new Field(r.holder().idTypeName(), r.holder().idNumber()));
            rows.add(new Field("许可事项", r.matterName()));
            rows.addAll(r.fields());
            rows.add(new Field("申请编号", r.caseNumber()));
            LocalDate issued = r.issuedAt().atZone(ClockConfig.CHINA).toLocalDate();
            rows.add(new Field("有效期限", DocumentTexts.date(issued) + " 至 " + DocumentTexts.date(cert.validUntil())));
            table(rows);

            // QR code and verification code at the bottom left; authority, date and seal at the bottom right
            float qrSize = 92f;
            float qrX = LEFT + 6f;
            float qrY = 44 * MM;
            qr(cert.verifyUrl(), qrX, qrY, qrSize);
            text("扫码核验", regular, 10f, GREY, qrX + qrSize / 2 - width("扫码核验", regular, 10f) / 2, qrY - 13f);
            String code = "核验码：" + cert.verificationCode();
            text(code, regular, 9f, GREY, qrX, qrY - 26f);

            String authority = "发证机关：" + r.authority().name();
            String date = "发证日期：" + DocumentTexts.date(issued);
            float block = Math.max(width(authority, regular, 13f), width(date, regular, 13f));
            float x = RIGHT - 8f - block;
            float by = qrY + qrSize - 30f;
            text(authority, regular, 13f, BLACK, x, by);
            text(date, regular, 13f, BLACK, x, by - 24f);
            seal(r.authority().name(), x + block - 52f, by - 8f, 48f);
        }

        /** A two-column table (label | value) from the current position down. */
        private void table(List<Field> rows) throws IOException {
            float labelW = 40 * MM;
            float valueW = WIDTH - labelW;
            float size = 12.5f;
            float lead = 19f;
            float pad = 7f;
            for (Field f : rows) {
                List<String> lines = wrap(safe(f.value()), regular, size, valueW - 2 * pad, 0);
                float h = Math.max(1, lines.size()) * lead + 2 * pad - (lead - size);
                float top = y;
                color(new float[] {0.97f, 0.94f, 0.90f}, false);
                cs.addRect(LEFT, top - h, labelW, h);
                cs.fill();
                color(DARK_RED, true);
                cs.setLineWidth(0.6f);
                cs.addRect(LEFT, top - h, WIDTH, h);
                cs.moveTo(LEFT + labelW, top);
                cs.lineTo(LEFT + labelW, top - h);
                cs.stroke();
                String label = safe(f.label());
                float ls = Math.min(size, size * (labelW - 2 * pad) / Math.max(1f, width(label, bold, size)));
                text(label, bold, ls, BLACK, LEFT + labelW / 2 - width(label, bold, ls) / 2, top - pad - size + 1f);
                float ly = top - pad - size + 1f;
                for (String line : lines) {
                    text(line, regular, size, BLACK, LEFT + labelW + pad, ly);
                    ly -= lead;
                }
                y = top - h;
            }
        }

        /** The QR code as vector squares: sharp at any zoom and smaller than an image. */
        private void qr(String content, float x, float yBottom, float size) throws IOException {
            BitMatrix m = QrCodes.matrix(content);
            float cell = size / m.getWidth();
            color(BLACK, false);
            for (int row = 0; row < m.getHeight(); row++) {
                int col = 0;
                while (col < m.getWidth()) {
                    if (!m.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < m.getWidth() && m.get(col, row)) {
                        col++;
                    }
                    cs.addRect(x + start * cell, yBottom + size - (row + 1) * cell, (col - start) * cell + 0.02f,
                            cell + 0.02f);
                }
            }
            cs.fill();
        }

        // ---------------------------------------------------------------- seal

        /**
         * A round red seal mark: ring, star, the authority's name along the upper arc and 电子签章 below the star,
         * half transparent so the text under it stays legible. It is a visual mark only; the legal signature is the
         * PDF's digital signature.
         */
        private void seal(String name, float cx, float cy, float radius) throws IOException {
            cs.saveGraphicsState();
            PDExtendedGraphicsState gs = new PDExtendedGraphicsState();
            gs.setNonStrokingAlphaConstant(0.78f);
            gs.setStrokingAlphaConstant(0.78f);
            cs.setGraphicsStateParameters(gs);
            color(RED, true);
            color(RED, false);
            cs.setLineWidth(2.4f);
            circle(cx, cy, radius);
            cs.stroke();
            star(cx, cy, radius * 0.26f);
            cs.fill();
            String text = safe(name);
            int n = text.codePointCount(0, text.length());
            float size = Math.min(11f, radius * 0.30f);
            float r = radius - 4f - size * 0.95f;
            double span = Math.toRadians(Math.min(240, 30 + n * 26));
            double start = Math.PI / 2 + span / 2;
            double step = n > 1 ? span / (n - 1) : 0;
            int i = 0;
            for (int k = 0; k < text.length(); ) {
                int cp = text.codePointAt(k);
                String ch = new String(Character.toChars(cp));
                k += Character.charCount(cp);
                double a = n > 1 ? start - i * step : Math.PI / 2;
                i++;
                float w = width(ch, bold, size);
                Matrix m = Matrix.getTranslateInstance((float) (cx + r * Math.cos(a)), (float) (cy + r * Math.sin(a)));
                m.concatenate(Matrix.getRotateInstance(a - Math.PI / 2, 0, 0));
                m.concatenate(Matrix.getTranslateInstance(-w / 2, 0));
                cs.beginText();
                cs.setFont(bold, size);
                cs.setTextMatrix(m);
                cs.showText(safe(ch));
                cs.endText();
            }
            String label = "电子签章";
            float ls = size * 0.85f;
            cs.beginText();
            cs.setFont(bold, ls);
            cs.newLineAtOffset(cx - width(label, bold, ls) / 2, cy - radius * 0.55f);
            cs.showText(safe(label));
            cs.endText();
            cs.restoreGraphicsState();
        }

        private void circle(float cx, float cy, float r) throws IOException {
            float k = 0.5523f * r;
            cs.moveTo(cx + r, cy);
            cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            cs.closePath();
        }

        private void star(float cx, float cy, float r) throws IOException {
            for (int i = 0; i < 10; i++) {
                double a = Math.PI / 2 + i * Math.PI / 5;
                float rr = i % 2 == 0 ? r : r * 0.382f;
                float px = (float) (cx + rr * Math.cos(a));
                float py = (float) (cy + rr * Math.sin(a));
                if (i == 0) {
                    cs.moveTo(px, py);
                } else {
                    cs.lineTo(px, py);
                }
            }
            cs.closePath();
        }

        // ---------------------------------------------------------------- text flow

        private void paragraph(String text, PDFont font, float size, float indent, float[] rgb) throws IOException {
            for (String line : wrap(safe(text), font, size, WIDTH, indent)) {
                ensureRoom();
                text(line, font, size, rgb, LEFT + indent, y);
                indent = 0;
                y -= LEADING;
            }
        }

        /** A line starting with a marker ("1. ", "面积：") whose continuation lines align under the text. */
        private void hanging(String marker, String text, float indent) throws IOException {
            float mw = width(marker, regular, BODY_SIZE);
            List<String> lines = wrap(safe(text), regular, BODY_SIZE, WIDTH - indent - mw, 0);
            boolean first = true;
            for (String line : lines.isEmpty() ? List.of("") : lines) {
                ensureRoom();
                if (first) {
                    text(marker, regular, BODY_SIZE, BLACK, LEFT + indent, y);
                    first = false;
                }
                text(line, regular, BODY_SIZE, BLACK, LEFT + indent + mw, y);
                y -= LEADING;
            }
        }

        private void ensureRoom() throws IOException {
            if (y < BOTTOM + 10f) {
                newPage();
            }
        }

        /**
         * Breaks text into lines no wider than {@code width} (first line {@code width - indent}), character by
         * character as Chinese is set, keeping closing punctuation off the start of a line and Latin words whole.
         */
        List<String> wrap(String text, PDFont font, float size, float width, float indent) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String para : text.split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                float lineWidth = 0;
                float limit = width - indent;
                int i = 0;
                while (i < para.length()) {
                    int end = tokenEnd(para, i);
                    String token = para.substring(i, end);
                    float tw = width(token, font, size);
                    boolean noStart = NO_LINE_START.indexOf(token.charAt(0)) >= 0;
                    if (lineWidth + tw > limit && !line.isEmpty() && !noStart) {
                        String carry = "";
                        char last = line.charAt(line.length() - 1);
                        if (NO_LINE_END.indexOf(last) >= 0 && line.length() > 1) {
                            carry = String.valueOf(last);
                            line.setLength(line.length() - 1);
                        }
                        lines.add(line.toString());
                        line.setLength(0);
                        line.append(carry);
                        lineWidth = width(carry, font, size);
                        limit = width;
                        if (token.isBlank()) {
                            i = end;
                            continue;
                        }
                    }
                    line.append(token);
                    lineWidth += tw;
                    i = end;
                }
                lines.add(line.toString());
            }
            return lines;
        }

        /** One CJK character, or a run of Latin letters/digits, or one other character. */
        private static int tokenEnd(String s, int i) {
            int cp = s.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (cp < 0x2E80 && Character.isLetterOrDigit(cp)) {
                while (end < s.length()) {
                    int next = s.codePointAt(end);
                    if (next >= 0x2E80 || !(Character.isLetterOrDigit(next) || next == '-' || next == '_' || next == '.')) {
                        break;
                    }
                    end += Character.charCount(next);
                }
            }
            return end;
        }

        /**
         * Replaces characters the complete font cannot draw (and control characters) so one odd character cannot fail
         * a document; with the common face, a character it lacks restarts the document with the complete font.
         */
        String safe(String s) {
            if (s == null) {
                return "";
            }
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    b.append('\n');
                } else if (cp == '\t' || cp == '\r') {
                    b.append(' ');
                } else if (Character.isISOControl(cp)) {
                    b.append('?');
                } else if (cmap.getGlyphId(cp) == 0) {
                    if (!completeFont) {
                        throw new NeedsCompleteFont();
                    }
                    b.append('?');
                } else {
                    b.appendCodePoint(cp);
                }
            });
            return b.toString();
        }

        private static String spaced(String s) {
            return String.join(" ", s.split(""));
        }

        private float width(String s, PDFont font, float size) throws IOException {
            return font.getStringWidth(safe(s)) / 1000f * size;
        }

        private void centred(String s, PDFont font, float size, float[] rgb, float atY) throws IOException {
            String t = safe(s);
            text(t, font, size, rgb, A4.getWidth() / 2 - width(t, font, size) / 2, atY);
        }

        private void text(String raw, PDFont font, float size, float[] rgb, float x, float atY) throws IOException {
            String s = safe(raw);
            if (s.isEmpty()) {
                return;
            }
            color(rgb, false);
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, atY);
            cs.showText(s);
            cs.endText();
        }

        private void color(float[] rgb, boolean stroking) throws IOException {
            if (stroking) {
                cs.setStrokingColor(rgb[0], rgb[1], rgb[2]);
            } else {
                cs.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
            }
        }

        private void newPage() throws IOException {
            closePage();
            PDPage page = new PDPage(A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            pages++;
            y = TOP;
        }

        /** Footer (signature note and page number, as "— 1 —") and close the page's stream. */
        private void closePage() throws IOException {
            if (cs == null) {
                return;
            }
            float fy = 20 * MM;
            for (String line : wrap(safe(footer), regular, 8.5f, WIDTH, 0)) {
                text(line, regular, 8.5f, GREY, LEFT, fy);
                fy -= 11f;
            }
            if (!numberPages) {
                cs.close();
                cs = null;
                return;
            }
            String pageNo = "— " + pages + " —";
            text(pageNo, regular, 10f, GREY, A4.getWidth() / 2 - width(pageNo, regular, 10f) / 2, 11 * MM);
            cs.close();
            cs = null;
        }

        void close() throws IOException {
            closePage();
        }
    }
}
