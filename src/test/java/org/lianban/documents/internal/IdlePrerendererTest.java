package org.lianban.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianban.documents.DocumentKind;

/** The idle pre-renderer renders a bounded batch while the CPUs are idle and nothing once they are busy. */
class IdlePrerendererTest {

    DocumentRepository repository = mock(DocumentRepository.class);
    DocumentRenderer renderer = mock(DocumentRenderer.class);
    PrerenderProperties props = new PrerenderProperties(true, Duration.ofSeconds(10), 3, 0.5);

    @BeforeEach
    void setUp() {
        when(repository.notRendered(3)).thenReturn(List.of(1L, 2L, 3L));
        for (long id = 1; id <= 3; id++) {
            when(repository.find(id)).thenReturn(Optional.of(row(id, null)));
        }
    }

    static DocumentRow row(long id, String storageKey) {
        return new DocumentRow(id, "C-1", DocumentKind.ACCEPTANCE_NOTICE, "e" + id, "N" + id,
                java.time.Instant.EPOCH, "140105", "小店区自然资源局", null, null, (LocalDate) null, storageKey, 0, null,
                "SM2", null, null, null, null);
    }

    IdlePrerenderer with(DoubleSupplier load) {
        return new IdlePrerenderer(repository, renderer, props, load);
    }

    @Test
    void anIdleMachineRendersOneBatch() {
        assertThat(with(() -> 0.1).renderSome()).isEqualTo(3);
        verify(renderer, times(3)).rendered(any());
    }

    @Test
    void aBusyOrUnknownLoadRendersNothing() {
        assertThat(with(() -> 0.9).renderSome()).isZero();
        assertThat(with(() -> -1).renderSome()).isZero();
        verify(renderer, never()).rendered(any());
    }

    @Test
    void itStopsAsSoonAsTheMachineGetsBusy() {
        double[] loads = {0.1, 0.8};
        int[] calls = {0};
        assertThat(with(() -> loads[Math.min(calls[0]++, 1)]).renderSome()).isEqualTo(1);
    }

    @Test
    void aDocumentThatFailsOrWasRenderedMeanwhileIsSkipped() {
        when(repository.find(2L)).thenReturn(Optional.of(row(2, "documents/c-1/x")));
        when(renderer.rendered(row(1, null))).thenThrow(new IllegalStateException("no key"));
        assertThat(with(() -> 0.1).renderSome()).isEqualTo(1);
        verify(renderer).rendered(row(3, null));
    }

    @Test
    void itRunsOnItsOwnThreadOnlyWhenEnabled() {
        IdlePrerenderer off = new IdlePrerenderer(repository, renderer,
                new PrerenderProperties(false, Duration.ofSeconds(10), 3, 0.5), () -> 0.1);
        off.start();
        assertThat(off.isRunning()).isFalse();
        IdlePrerenderer on = with(() -> 0.1);
        on.start();
        try {
            assertThat(on.isRunning()).isTrue();
        } finally {
            on.stop();
        }
        assertThat(on.isRunning()).isFalse();
    }
}
