package org.lianban.documents.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.lianban.documents.DocumentKind;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the documents listener now does per case event — issue: take a number, store the row with its snapshot — against
 * a document's first use — render, sign, store the file, record it — through the real database and file store.
 * Skipped unless {@code -Dbench=true} (subclasses carry the condition); results go into docs/benchmarks.md by hand.
 */
abstract class DocumentIssueBenchmarkContract {

    @Autowired DocumentIssuer issuer;
    @Autowired DocumentRenderer renderer;

    @Test
    void issuedVersusRenderedDocumentsPerSecond() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<DocumentRow> warm = issue(run + "-w", 200, 1);
        timed("render warm-up", warm.subList(0, 50), 1, renderer::rendered);
        for (int threads : new int[] {1, 2}) {
            List<DocumentRow> rows = issue(run + "-" + threads, 1000, threads);
            timed("render", rows.subList(0, 150), threads, renderer::rendered);
        }
    }

    private List<DocumentRow> issue(String run, int n, int threads) throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add("BENCH-" + run + "-" + i);
        }
        List<DocumentRow> rows = Collections.synchronizedList(new ArrayList<>());
        timed("issue", cases, threads, c -> rows.add(issuer.issue(DocumentRequest.builder(DocumentKind.ACCEPTANCE_NOTICE)
                .holder(Samples.HOLDER).matterName("建设项目用地预审与选址意见书核发")
                .legalBasis("《中华人民共和国土地管理法》第五十二条").dueDate(java.time.LocalDate.of(2026, 3, 12)),
                DocumentKind.ACCEPTANCE_NOTICE, c, "CaseAccepted@1", Samples.COUNTY, Samples.ISSUED, 3)));
        return new ArrayList<>(rows);
    }

    private static <T> void timed(String what, List<T> items, int threads, Consumer<T> work) throws Exception {
        LongAdder cpu = new LongAdder();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t;
                fs.add(pool.submit(() -> {
                    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                    long cpu0 = mx.getCurrentThreadCpuTime();
                    for (int i = from; i < items.size(); i += threads) {
                        work.accept(items.get(i));
                    }
                    cpu.add(mx.getCurrentThreadCpuTime() - cpu0);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCH %s threads=%d: %d documents in %.2f s = %.0f/s wall; %.2f ms CPU of the working "
                + "thread each; load average %.1f%n", what, threads, items.size(), secs, items.size() / secs,
                cpu.sum() / 1e6 / items.size(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
