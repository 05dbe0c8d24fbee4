package org.lianban.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The Chinese fonts shipped with the application (Noto Sans SC, TrueType outlines, OFL; see resources/fonts). The
 * 10 MB files are read once into memory; parsed {@link TrueTypeFont}s are pooled because fontbox fonts are not safe
 * for concurrent use and parsing one per document would cost more than the document itself.
 */
public final class CjkFonts {

    /** A regular and a bold face, borrowed together for one document and handed back with {@link #release}. */
    public record Faces(TrueTypeFont regular, TrueTypeFont bold) {}

    private final byte[] regular;
    private final byte[] bold;
    private final BlockingQueue<Faces> pool;

    public CjkFonts() {
        this.regular = read("/fonts/NotoSansSC_400Regular.ttf");
        this.bold = read("/fonts/NotoSansSC_700Bold.ttf");
        this.pool = new ArrayBlockingQueue<>(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
    }

    public Faces borrow() {
        Faces f = pool.poll();
        return f != null ? f : new Faces(parse(regular), parse(bold));
    }

    public void release(Faces faces) {
        pool.offer(faces); // a full pool just drops the extra parse
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
