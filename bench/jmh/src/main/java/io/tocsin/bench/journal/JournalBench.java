package io.tocsin.bench.journal;

import io.tocsin.connector.DispatchState;
import io.tocsin.journal.ChronicleJournal;
import io.tocsin.journal.DispatchOutcome;
import io.tocsin.journal.JournalConfig;
import io.tocsin.journal.RecordCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The journal's append and replay rates for dispatch outcomes (the most numerous record: one or two per SMS),
 * each beside a raw Chronicle Queue baseline moving the same bytes without the record objects.
 *
 * <p>{@code java -jar bench/jmh/target/benchmarks.jar JournalBench -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalBench {
    static final int REPLAY_RECORDS = 1_000_000;

    private Path appendDir;
    private ChronicleJournal journal;
    private ChronicleQueue rawQueue;
    private ExcerptAppender rawAppender;
    private Bytes<?> encoded;
    private long id;

    private Path replayDir;
    private ChronicleJournal replayJournal;
    private ChronicleQueue replayRaw;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        appendDir = Files.createTempDirectory("journal-bench-append");
        journal = ChronicleJournal.open(appendDir.resolve("journal"), JournalConfig.defaults());
        rawQueue = SingleChronicleQueueBuilder.binary(appendDir.resolve("raw")).rollCycle(RollCycles.FAST_DAILY)
                .build();
        rawAppender = rawQueue.createAppender();
        encoded = Bytes.allocateElasticDirect(64);
        RecordCodec.write(outcome(42), encoded);

        replayDir = Files.createTempDirectory("journal-bench-replay");
        try (ChronicleJournal fill = ChronicleJournal.open(replayDir, JournalConfig.defaults())) {
            for (int i = 0; i < REPLAY_RECORDS; i++) {
                fill.append(outcome(i));
            }
        }
        replayJournal = ChronicleJournal.open(replayDir, JournalConfig.defaults());
        replayRaw = SingleChronicleQueueBuilder.binary(replayDir).rollCycle(RollCycles.FAST_DAILY).build();
    }

    private static DispatchOutcome outcome(long id) {
        return new DispatchOutcome(1_764_000_000_000L + id, id, DispatchState.DELIVERED, "smsc-" + id, null);
    }

    @Benchmark
    public long appendOutcome() {
        return journal.append(outcome(++id));
    }

    /** Baseline: the same encoded bytes appended straight to a Chronicle Queue. */
    @Benchmark
    public void baselineRawAppend() {
        rawAppender.writeBytes(encoded);
    }

    @Benchmark
    @OperationsPerInvocation(REPLAY_RECORDS)
    public void replay(Blackhole bh) {
        long n = replayJournal.replay((pos, r) -> bh.consume(r));
        if (n != REPLAY_RECORDS) {
            throw new IllegalStateException("replayed " + n);
        }
    }

    /** Baseline: a raw tailer reading every excerpt's fields without building records. */
    @Benchmark
    @OperationsPerInvocation(REPLAY_RECORDS)
    public void baselineRawRead(Blackhole bh) {
        try (ExcerptTailer tailer = replayRaw.createTailer()) {
            long n = 0;
            while (tailer.readBytes(in -> {
                bh.consume(in.readByte());
                bh.consume(in.readLong());
                bh.consume(in.readLong());
                bh.consume(in.readByte());
            })) {
                n++;
            }
            if (n != REPLAY_RECORDS) {
                throw new IllegalStateException("read " + n);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        journal.close();
        rawAppender.close();
        rawQueue.close();
        replayJournal.close();
        replayRaw.close();
        encoded.releaseLast();
        delete(appendDir);
        delete(replayDir);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
