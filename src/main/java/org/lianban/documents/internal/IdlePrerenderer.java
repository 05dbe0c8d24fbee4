package org.lianban.documents.internal;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Renders issued documents before anyone asks for them, on one thread of its own and only while the machine is
 * otherwise idle: every {@code interval} at most {@code batchSize} of the oldest not-yet-rendered documents, stopping
 * as soon as the CPUs get busy (case events, requests and their listeners come first). Rendering here is the same as on
 * first use, so a download or another node rendering the same document at the same moment ends with one file.
 */
@Component
class IdlePrerenderer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdlePrerenderer.class);

    private final DocumentRepository repository;
    private final DocumentRenderer renderer;
    private final PrerenderProperties props;
    private final DoubleSupplier cpuLoad;
    private ScheduledExecutorService thread;

    @Autowired
    IdlePrerenderer(DocumentRepository repository, DocumentRenderer renderer, PrerenderProperties props) {
        this(repository, renderer, props, IdlePrerenderer::systemCpuLoad);
    }

    IdlePrerenderer(DocumentRepository repository, DocumentRenderer renderer, PrerenderProperties props,
            DoubleSupplier cpuLoad) {
        this.repository = repository;
        this.renderer = renderer;
        this.props = props;
        this.cpuLoad = cpuLoad;
    }

    /** The share of the machine's (or container's) CPUs in use recently, 0–1; negative when not known. */
    static double systemCpuLoad() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getCpuLoad() : -1;
    }

    /** One look for work; returns how many documents it rendered. */
    int renderSome() {
        int rendered = 0;
        for (long id : repository.notRendered(props.batchSize())) {
            if (!idle()) {
                break;
            }
            try {
                DocumentRow row = repository.find(id).orElse(null);
                if (row != null && !row.rendered()) {
                    renderer.rendered(row);
                    rendered++;
                }
            } catch (RuntimeException e) {
                // left for its first use, which renders it again (and reports the failure to whoever asked)
                log.warn("could not render document {} ahead of its use: {}", id, e.toString());
            }
        }
        return rendered;
    }

    private boolean idle() {
        double load = cpuLoad.getAsDouble();
        return load >= 0 && load < props.maxCpuLoad();
    }

    @Override
    public synchronized void start() {
        if (!props.enabled() || thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "documents-prerender");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        long millis = props.interval().toMillis();
        thread.scheduleWithFixedDelay(() -> {
            try {
                renderSome();
            } catch (RuntimeException e) {
                log.warn("rendering documents ahead of use failed: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
