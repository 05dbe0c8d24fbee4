package org.lianban.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The Chinese fonts shipped with the application (Noto Sans SC, TrueType outlines, OFL; see resources/fonts).
 * <p>
 * Speed matters (dozens of signed documents a second): PDFBox reads the width of every glyph of a font it embeds and
 * runs its OpenType GSUB machinery on every string, which for the 65,000-glyph Noto font costs far more than the rest
 * of a document. So on first use each face is cut down once to the GB 2312 characters plus Latin and punctuation
 * (about 7,800 glyphs, no GSUB table). Documents are set with that <em>common</em> face; a document with a character
 * outside it (a rare character in a name) is set again with the complete font. Parsed fonts are pooled because
 * fontbox fonts are not safe for concurrent use.
 */
public final class CjkFonts {

    /** A regular and a bold face, borrowed for one document and handed back with {@link #release}. */
    public record Faces(TrueTypeFont regular, TrueTypeFont bold, boolean complete) {}

    private static final String REGULAR = "/fonts/NotoSansSC_400Regular.ttf";
    private static final String BOLD = "/fonts/NotoSansSC_700Bold.ttf";

    private final BlockingQueue<Faces> commonPool;
    private final BlockingQueue<Faces> completePool;
    private volatile Sources sources;

    private record Sources(byte[] regular, byte[] bold, byte[] commonRegular, byte[] commonBold) {}

    public CjkFonts() {
        int size = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        this.commonPool = new ArrayBlockingQueue<>(size);
        this.completePool = new ArrayBlockingQueue<>(size);
    }

    /** Faces covering GB 2312, Latin and punctuation; {@code complete()} is false. */
    public Faces borrowCommon() {
        Faces f = commonPool.poll();
        if (f != null) {
            return f;
        }
        Sources s = sources();
        return new Faces(parse(s.commonRegular()), parse(s.commonBold()), false);
    }

    /** Faces with every glyph of the font. */
    public Faces borrowComplete() {
        Faces f = completePool.poll();
        if (f != null) {
            return f;
        }
        Sources s = sources();
        return new Faces(parse(s.regular()), parse(s.bold()), true);
    }

    public void release(Faces faces) {
        (faces.complete() ? completePool : commonPool).offer(faces); // a full pool just drops the extra parse
    }

    private Sources sources() {
        Sources s = sources;
        if (s == null) {
            synchronized (this) {
                s = sources;
                if (s == null) {
                    byte[] regular = read(REGULAR);
                    byte[] bold = read(BOLD);
                    Set<Integer> common = commonCodePoints();
                    s = new Sources(regular, bold, cut(regular, common), cut(bold, common));
                    sources = s;
                }
            }
        }
        return s;
    }

    /** GB 2312 (every character it encodes), printable ASCII and Latin-1, general punctuation, CJK symbols, full-width forms. */
    static Set<Integer> commonCodePoints() {
        Set<Integer> cps = new HashSet<>();
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        for (int cp = 0x20; cp < 0x10000; cp++) {
            boolean basic = cp < 0x7F || (cp >= 0xA0 && cp <= 0xFF) || (cp >= 0x2000 && cp <= 0x206F)
                    || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
            if (basic || (!Character.isSurrogate((char) cp) && gb2312.canEncode((char) cp))) {
                cps.add(cp);
            }
        }
        return cps;
    }

    private static byte[] cut(byte[] ttf, Set<Integer> codePoints) {
        try (TrueTypeFont font = parse(ttf)) {
            TTFSubsetter subsetter = new TTFSubsetter(font);
            subsetter.addAll(codePoints);
            ByteArrayOutputStream out = new ByteArrayOutputStream(4 * 1024 * 1024);
            subsetter.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the common subset of the CJK font", e);
        }
    }

    private static TrueTypeFont parse(byte[] ttf) {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the embedded CJK font", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = CjkFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
