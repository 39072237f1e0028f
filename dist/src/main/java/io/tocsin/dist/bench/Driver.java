package io.tocsin.dist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The moves every scenario is made of, against one {@link BenchWorld}: push an alert and time its first SMS
 * and first CBS request from the 202; Cancel and time the purge; wait for an alert to settle; restart the engine
 * to time replay; read the engine's heap and CPU. Not thread-safe; the scenario's thread drives it.
 */
final class Driver {
    static final String SMS = "SMS";
    static final String CBS = "CELL_BROADCAST";

    final BenchWorld world;
    final CapAlerts caps = new CapAlerts();
    final PrintStream log;
    private ProcSample engineStart;

    Driver(BenchWorld world, PrintStream log) {
        this.world = world;
        this.log = log;
    }

    /** Starts the first engine (empty journal) and remembers its start time and CPU as baselines. */
    EngineProcess start() throws IOException, InterruptedException {
        EngineProcess e = world.startEngine();
        engineStart = e.sample();
        log.printf(Locale.ROOT, "engine pid %d serving %s after %.0f ms%n", e.pid(), e.baseUrl(), e.startMillis());
        return e;
    }

    ProcSample engineStart() {
        return engineStart;
    }

    /** What one push measured. */
    record Pushed(CapAlerts.Cap cap, EngineApi.Ack ack, double smsMillis, double cbsMillis) {
        String id() {
            return ack.id();
        }
    }

    /**
     * Pushes and waits (up to {@code wait}) for the first submit_sm at any SMSC and the first ECBE POST at any CBC
     * after it; latencies are from the 202's arrival at the harness (NaN for a channel that got nothing).
     */
    Pushed push(CapAlerts.Cap cap, int publisher, Duration wait) throws IOException, InterruptedException {
        world.armArrivals();
        EngineApi.Ack ack = world.api().post(cap.xml(), publisher);
        if (!ack.accepted()) {
            throw new IllegalStateException("push answered " + ack.status() + ": " + ack.body());
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline && (world.firstSms() == 0 || world.firstCbcPost() == 0)) {
            LockSupport.parkNanos(50_000); // spinning on the simulators' arrival clocks
        }
        return new Pushed(cap, ack, since(world.firstSms(), ack), since(world.firstCbcPost(), ack));
    }

    private static double since(long first, EngineApi.Ack ack) {
        return first == 0 ? Double.NaN : (first - ack.answeredNanos()) / 1e6;
    }

    /** What a Cancel measured. */
    record Purge(double ledgerMillis, double cbcDeleteMillis, long pdusAfterAck, double lastPduMillis,
                 ChannelCount smsAfter, boolean atFirstGet, double getRoundTripMillis) {
    }

    /**
     * Pushes a Cancel of {@code original} and measures: 202 → the ledger shows no SMS of the original queued
     * (the purge), 202 → first ECBE DELETE at a CBC, and the submit_sm that still reached the SMSCs after the 202
     * (in flight then) with the time of the last one. Waits until the original has settled.
     */
    Purge cancel(Pushed original, String event, List<String> codes, int publisher, Duration wait)
            throws IOException, InterruptedException {
        world.armArrivals();
        CapAlerts.Cap cancel = caps.cancel(original.cap().ref(), event, codes);
        EngineApi.Ack ack = world.api().post(cancel.xml(), publisher);
        long pdusAtAck = world.smsPdus();
        if (!ack.accepted()) {
            throw new IllegalStateException("cancel answered " + ack.status() + ": " + ack.body());
        }
        long deadline = System.nanoTime() + wait.toNanos();
        double ledger = Double.NaN;
        boolean first = true;
        boolean atFirstGet = false;
        double roundTrip = Double.NaN;
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            ChannelCount sms = ChannelCount.of(world.api().alert(original.id()), SMS);
            long answered = System.nanoTime();
            if (first) {
                roundTrip = (answered - sent) / 1e6;
            }
            if (sms.queued() <= 0) {
                ledger = (answered - ack.answeredNanos()) / 1e6;
                atFirstGet = first;
                break;
            }
            first = false;
            LockSupport.parkNanos(1_000_000); // polling the engine's API at ~1 ms resolution
        }
        while (System.nanoTime() < deadline && world.firstCbcDelete() == 0) {
            LockSupport.parkNanos(100_000);
        }
        double delete = since(world.firstCbcDelete(), ack);
        JsonNode settled = awaitAlert(original.id(), a -> ChannelCount.of(a, SMS).submitted() == 0
                && ChannelCount.of(a, SMS).queued() <= 0, wait);
        awaitQuiet(Duration.ofMillis(300), wait);
        long last = world.lastSms();
        double lastMs = last > ack.answeredNanos() ? (last - ack.answeredNanos()) / 1e6 : 0;
        return new Purge(ledger, delete, world.smsPdus() - pdusAtAck, lastMs, ChannelCount.of(settled, SMS),
                atFirstGet, roundTrip);
    }

    /** Polls {@code GET /alerts/{id}} until the predicate holds; returns the last view (maybe not matching). */
    JsonNode awaitAlert(String id, Predicate<JsonNode> done, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        JsonNode a = null;
        while (System.nanoTime() < deadline) {
            a = world.api().alert(id);
            if (a != null && done.test(a)) {
                return a;
            }
            Thread.sleep(100); // polling the engine's API (not faster: the polls are load on the engine being measured)
        }
        return a;
    }

    /** Until no submit_sm arrived for {@code quiet}. */
    void awaitQuiet(Duration quiet, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline && System.nanoTime() - world.lastSms() < quiet.toNanos()) {
            Thread.sleep(20); // polling the simulators
        }
    }

    /** Every SMS of the alert has a final state (delivered/failed/expired/cancelled/unknown). */
    static boolean smsSettled(JsonNode a) {
        return ChannelCount.of(a, SMS).settled();
    }

    /** Adds the journal size, replay time (engine restarted on it vs the first start on an empty journal) and heap/CPU rows. */
    void engineRows(ResultTable table, double scenarioSeconds) throws IOException, InterruptedException {
        EngineProcess e = world.engine();
        ProcSample end = e.sample();
        GcLog gc = GcLog.read(world.gcLogs());
        table.row("engine CPU over the scenario", String.format(Locale.ROOT, "%.2f cores (%.1f CPU-s in %.1f s)",
                end.coresSince(engineStart), end.cpuSeconds() - engineStart.cpuSeconds(), scenarioSeconds),
                "2 cores on the machine", "");
        table.row("engine heap", "peak used " + gc.peakUsedMib() + " MiB, peak live after GC " + gc.peakLiveMib()
                + " MiB, heap " + gc.committedMib() + " MiB (" + gc.collections() + " GCs)", "-Xmx"
                + world.options.engineHeap(), "");
        table.row("engine resident memory (peak)", ResultTable.mib(end.peakRssBytes()), "", "");
        long journal = world.journalBytes();
        table.row("journal on disk", ResultTable.mib(journal), "", "");
        double firstStart = e.startMillis();
        e.stop(Duration.ofSeconds(30));
        EngineProcess again = world.startEngine();
        long records = again.recovery().getOrDefault("records", 0L);
        table.row("restart on the journal: spawn → serving", ResultTable.ms(again.startMillis()),
                "first start, empty journal: " + ResultTable.ms(world.firstStartMillis()), "");
        table.row("journal replay (engine's own figure)", again.recovery().getOrDefault("millis", -1L) + " ms for "
                + ResultTable.num(records) + " records", "", "");
        table.note("Restart (journal replay) measured with a clean SIGTERM stop of the engine that ran the scenario"
                + " (its own start took " + ResultTable.ms(firstStart) + ").");
    }
}
