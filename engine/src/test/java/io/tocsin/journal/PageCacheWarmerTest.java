package io.tocsin.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PageCacheWarmerTest {

    @TempDir
    Path dir;

    @Test
    void readsTheWindowAheadOfTheWritePositionAndNoFurther() throws Exception {
        File f = dir.resolve("cycle.cq4").toFile();
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            raf.setLength(PageCacheWarmer.AHEAD_BYTES * 3); // sparse, as Chronicle extends its files
        }
        try (PageCacheWarmer warmer = new PageCacheWarmer("test-warmer")) {
            warmer.advance(f, 4096);
            await().atMost(Duration.ofSeconds(20)).until(() -> warmer.warmedBytes() == PageCacheWarmer.AHEAD_BYTES);
            // the window moves with the writer; what was read already is not read again
            warmer.advance(f, 4096 + (1 << 20));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> warmer.warmedBytes() == PageCacheWarmer.AHEAD_BYTES + (1 << 20));
        }
    }

    @Test
    void stopsAtTheEndOfTheFileAndFollowsANewFile() throws Exception {
        File first = dir.resolve("a.cq4").toFile();
        File second = dir.resolve("b.cq4").toFile();
        try (RandomAccessFile a = new RandomAccessFile(first, "rw");
             RandomAccessFile b = new RandomAccessFile(second, "rw")) {
            a.setLength(3 << 20);
            b.setLength(5 << 20);
        }
        try (PageCacheWarmer warmer = new PageCacheWarmer("test-warmer")) {
            warmer.advance(first, 1 << 20);
            await().atMost(Duration.ofSeconds(20)).until(() -> warmer.warmedBytes() == 2 << 20);
            warmer.advance(second, 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> warmer.warmedBytes() == (2 << 20) + (5 << 20));
        }
    }

    @Test
    void theJournalKeepsItsWarmerAheadOfItsAppends() {
        try (ChronicleJournal j = ChronicleJournal.open(dir.resolve("journal"), JournalConfig.defaults())) {
            for (int i = 0; i < 100; i++) {
                j.append(new AlertClosed(i, "tx-" + i, io.tocsin.ledger.AlertState.DONE, "done"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> j.warmedBytes() > 0);
            assertThat(j.appended()).isEqualTo(100);
        }
    }
}
