package io.tocsin.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    void onLinuxItReadsThroughLibcWithReadAheadOffAndReadsWhatAChannelReads() throws Exception {
        assumeTrue(com.sun.jna.Platform.isLinux() && com.sun.jna.Platform.is64Bit(), "libc reads are for 64-bit Linux");
        File f = dir.resolve("c.cq4").toFile();
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            raf.setLength(4 << 20);
            raf.seek(1 << 20);
            raf.write("written".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertThat(LibcWarmReads.available()).isTrue();
        assertThat(LibcWarmReads.open(dir.resolve("missing.cq4").toFile(), 4096)).isNull();
        try (WarmReads libc = WarmReads.open(f, PageCacheWarmer.READ_BYTES);
             WarmReads channel = ChannelWarmReads.open(f, PageCacheWarmer.READ_BYTES)) {
            assertThat(libc).isInstanceOf(LibcWarmReads.class);
            assertThat(libc.size()).isEqualTo(channel.size()).isEqualTo(4 << 20);
            for (long at : new long[] {0, 1 << 20, (4 << 20) - 100}) {
                assertThat(libc.read(at, 1000)).as("at %d", at).isEqualTo(channel.read(at, 1000));
            }
            assertThat(libc.read(4 << 20, 1000)).as("at the end").isLessThanOrEqualTo(0);
            assertThat(libc.read((4 << 20) - 100, 1000)).isEqualTo(100);
            assertThat(libc.read(0, 1 << 20)).as("bounded by its buffer").isEqualTo(PageCacheWarmer.READ_BYTES);
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
