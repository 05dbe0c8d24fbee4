package org.lianban.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.lianban.common.ClockConfig;
import org.lianban.documents.DocumentKind;

/**
 * What a case event costs the documents listener now (issue: build the request and write its JSON snapshot; the
 * database part is one row) against a document's first use (render + sign from the snapshot, the CPU part), and PDF
 * sizes. Skipped unless {@code -Dbench=true}:
 * {@code ./mvnw -B -o test -Dtest=DocumentsBenchmarkTest -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go into docs/benchmarks.md by hand.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true", disabledReason = "benchmark: run with -Dbench=true")
class DocumentsBenchmarkTest {

    @TempDir Path keys;

    @Test
    void signedCertificatesPerSecond() throws Exception {
        PdfComposer composer = new PdfComposer(new CjkFonts());
        PdfSigner signer = new PdfSigner();
        java.util.Map<SignatureAlgorithm, SigningKey> keyOf = new java.util.EnumMap<>(SignatureAlgorithm.class);
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
            keyOf.put(alg, new DemoAuthorityKeys(keys.resolve(alg.name()), alg, "pw".toCharArray(),
                    Clock.system(ClockConfig.CHINA)).keyFor("140100", "太原市自然资源局"));
        }
        for (int i = 0; i < 150; i++) { // warm-up of both paths: JIT, font pool
            sign(composer, signer, keyOf.get(SignatureAlgorithm.values()[i % 2]), DocumentKind.CERTIFICATE, i);
        }
        snapshots();
        int threads = Runtime.getRuntime().availableProcessors();
        for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
            for (int t : new int[] {1, threads}) {
                run(composer, signer, keyOf.get(alg), alg, t, 6_000);
            }
        }
        StringBuilder sizes = new StringBuilder();
        SigningKey sm2 = new DemoAuthorityKeys(keys.resolve("SM2"), SignatureAlgorithm.SM2, "pw".toCharArray(),
                Clock.system(ClockConfig.CHINA)).keyFor("140100", "太原市自然资源局");
        for (DocumentKind kind : DocumentKind.values()) {
            int size = sign(composer, signer, sm2, kind, 0).length;
            sizes.append(kind).append('=').append(size / 1024).append(" KB  ");
            assertThat(size).isLessThan(300 * 1024);
        }
        System.out.println("BENCH sizes (signed, SM2): " + sizes);
    }

    /** The CPU part of issuing at the event: the snapshot JSON of the request (and reading it back at first use). */
    private static void snapshots() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        DocumentRequest r = Samples.of(DocumentKind.CERTIFICATE);
        for (int i = 0; i < 20_000; i++) { // warm-up
            DocumentSnapshots.read(DocumentSnapshots.write(r));
        }
        int n = 100_000;
        long cpu0 = mx.getCurrentThreadCpuTime();
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += DocumentSnapshots.write(Samples.of(DocumentKind.CERTIFICATE, "CASE-" + i)).length();
        }
        long write = mx.getCurrentThreadCpuTime() - cpu0;
        String json = DocumentSnapshots.write(r);
        cpu0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            DocumentSnapshots.read(json);
        }
        long read = mx.getCurrentThreadCpuTime() - cpu0;
        System.out.printf("BENCH snapshot (certificate request, %d chars of JSON): write %.1f µs CPU, read %.1f µs CPU%n",
                bytes / n, write / 1e3 / n, read / 1e3 / n);
    }

    private void run(PdfComposer composer, PdfSigner signer, SigningKey key, SignatureAlgorithm alg, int threads,
            long millis) throws Exception {
        LongAdder done = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        AtomicLong bytes = new AtomicLong();
        long end = System.nanoTime() + millis * 1_000_000;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                    long cpu0 = mx.getCurrentThreadCpuTime();
                    int i = 0;
                    while (System.nanoTime() < end) {
                        bytes.addAndGet(sign(composer, signer, key, DocumentKind.CERTIFICATE, i++).length);
                        done.increment();
                    }
                    cpuNanos.add(mx.getCurrentThreadCpuTime() - cpu0);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double cpuMs = cpuNanos.sum() / 1e6 / Math.max(1, done.sum());
        // CPU time per certificate does not depend on what else runs on the machine: 1000 / cpuMs per dedicated core
        System.out.printf("BENCH %s threads=%d: %d certificates in %.1f s = %.1f/s wall; %.1f ms CPU each = %.0f/s per "
                + "dedicated core; mean size %d KB; load average %.1f%n", alg, threads, done.sum(), secs,
                done.sum() / secs, cpuMs, 1000 / cpuMs, bytes.get() / Math.max(1, done.sum()) / 1024,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static byte[] sign(PdfComposer composer, PdfSigner signer, SigningKey key, DocumentKind kind, int i) {
        DocumentRequest r = Samples.of(kind, "CASE-2026-140105-" + String.format("%06d", i));
        return signer.sign(composer.render(r), key, "太原市自然资源局", kind.title(), Samples.ISSUED);
    }
}
