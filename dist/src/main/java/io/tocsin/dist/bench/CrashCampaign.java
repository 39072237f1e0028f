package io.tocsin.dist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tocsin.targeting.geo.Region;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The crash campaign: a city-wide warning fans out while the engine process is killed with SIGKILL at random
 * moments and restarted on the same journal, {@code kills} times; then it runs to its end. Counted: recipients
 * that never got the message (lost, must be 0), extra messages at the SMSCs (duplicates, must stay within the
 * in-flight windows at the kills), and per restart the time from the new process's spawn to its first
 * submit_sm (resume). Not thread-safe.
 */
final class CrashCampaign {
    /** The table and whether the campaign's promises held. */
    record Result(ResultTable table, boolean ok, long lost, long duplicates, long bound, int kills, Samples resume) {
    }

    private CrashCampaign() {
    }

    /** Every SMS planned was answered by its SMSC (nothing queued, nothing submitted without an answer). */
    static boolean handedOver(JsonNode alert) {
        ChannelCount c = ChannelCount.of(alert, Driver.SMS);
        return c.planned() > 0 && c.queued() <= 0 && c.submitted() == 0;
    }

    static Result run(Driver d, int kills, int minDelayMs, int maxDelayMs, Random random, Duration timeout)
            throws Exception {
        return run(d, kills, minDelayMs, maxDelayMs, random, timeout, true);
    }

    /** With {@code finish} false, stops after the kills: only the restart figures are reported (for 1M runs). */
    static Result run(Driver d, int kills, int minDelayMs, int maxDelayMs, Random random, Duration timeout,
                      boolean finish) throws Exception {
        ResultTable t = new ResultTable(String.format(Locale.ROOT,
                "crash campaign: %d kill -9 during a city-wide fan-out to %,d subscribers, caps %s",
                kills, d.world.options.subscribers(), d.world.options.caps()));
        d.start();
        List<String> city = d.world.sites.geography().regions().all().stream().map(Region::code).sorted().toList();
        Fanout fan = new Fanout(d);
        Driver.Pushed warning = d.push(d.caps.districts("台风", city, "广州市台风红色预警"), 0, Duration.ofSeconds(60));
        fan.follow(warning);
        Samples resume = new Samples();
        Samples serving = new Samples();
        Samples replay = new Samples();
        long possibleDuplicates = 0;
        long requeued = 0;
        long takenBack = 0;
        long unknownReceipts = 0;
        int unread = 0;
        int done = 0;
        boolean ackedSurvived = true;
        // A kill comes a random time after the engine's first submit_sm (its fan-out is under way), whether or
        // not it serves HTTP yet: dispatch resumes before the HTTP server is up, so kills also land in start-up.
        long everyone = d.world.options.subscribers();
        for (int k = 0; k < kills; k++) {
            long delay = minDelayMs + (long) random.nextInt(Math.max(1, maxDelayMs - minDelayMs));
            Thread.sleep(delay); // the random moment of the kill
            int reached = d.world.smscs().values().stream().mapToInt(s -> s.inbox().recipients()).sum();
            if (reached >= everyone) {
                d.log.printf("crash: every recipient reached after %d kills%n", k);
                break;
            }
            EngineProcess dead = d.world.engine();
            long pdus = d.world.smsPdus();
            long unknown = dead.servedYet() ? UnknownReceipts.of(dead.baseUrl()) : -1;
            dead.kill();
            if (unknown >= 0) {
                unknownReceipts += unknown;
            } else {
                unread++;
            }
            if (dead.servedYet() && k > 0) {
                possibleDuplicates += dead.recovery().getOrDefault("possibleDuplicates", 0L);
                requeued += dead.recovery().getOrDefault("requeued", 0L);
                takenBack += dead.recovery().getOrDefault("awaitingReceipts", 0L);
                replay.add(dead.recovery().getOrDefault("millis", 0L));
            }
            d.world.armArrivals();
            EngineProcess e = d.world.spawnEngine();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (d.world.firstSms() == 0 && e.alive() && System.nanoTime() < deadline) {
                Thread.sleep(1); // polling the SMSCs' arrival clocks
            }
            if (!e.alive()) {
                String why = java.nio.file.Files.readAllLines(e.log()).stream().filter(l -> l.contains("could not start"))
                        .findFirst().orElse("see " + e.log());
                t.row("engine restart after kill " + (k + 1), why, "starts", "**FAILED**");
                return new Result(t, false, -1, -1, 0, done, resume);
            }
            long first = d.world.firstSms();
            double fromSpawn = first == 0 ? Double.NaN : (first - e.spawnedNanos()) / 1e6;
            resume.add(fromSpawn);
            done++;
            d.log.printf(Locale.ROOT, "kill %d after %d ms at %,d submit_sm (killed engine served HTTP: %s);"
                    + " restarted, first submit_sm %.0f ms after spawn%n", k + 1, delay, pdus, dead.servedYet(),
                    fromSpawn);
        }
        EngineProcess last = d.world.engine();
        d.world.awaitEngine(last);
        serving.add(last.startMillis());
        if (done > 0) {
            possibleDuplicates += last.recovery().getOrDefault("possibleDuplicates", 0L);
            requeued += last.recovery().getOrDefault("requeued", 0L);
            takenBack += last.recovery().getOrDefault("awaitingReceipts", 0L);
            replay.add(last.recovery().getOrDefault("millis", 0L));
        }
        ackedSurvived = d.world.api().alert(warning.id()) != null;
        if (!finish) {
            t.row("kills (SIGKILL, restart on the same journal)", done + " of " + kills, "", "");
            t.row("restart: spawn → first submit_sm", resume.summary(), "target < 5 s for 1M recipients",
                    d.world.options.subscribers() >= 1_000_000 ? ResultTable.met(resume.max() < 5000) : "");
            t.row("restart: spawn → HTTP serving (last engine)", serving.summary(), "first start, empty journal: "
                    + ResultTable.ms(d.world.firstStartMillis()), "");
            t.row("restart: journal replay (engines' own figure)", replay.summary(), "", "");
            t.note("Stopped after the kills (--resume-only): lost and duplicates are judged by the full campaign.");
            fan.curve().stop();
            return new Result(t, ackedSurvived, 0, 0, 0, done, resume);
        }
        // Handed over = nothing queued or unanswered; receipts of submits answered to a killed engine may never come.
        JsonNode settled = d.awaitAlert(warning.id(), CrashCampaign::handedOver, timeout);
        d.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(30));
        fan.curve().stop();
        Thread.sleep(6000); // a receipt is counted unknown only after the connector's 5 s grace for late ids
        long lastUnknown = UnknownReceipts.of(last.baseUrl());
        if (lastUnknown >= 0) {
            unknownReceipts += lastUnknown;
        } else {
            unread++;
        }
        ChannelCount sms = ChannelCount.of(settled, Driver.SMS);
        int recipients = d.world.smscs().values().stream().mapToInt(s -> s.inbox().recipients()).sum();
        long duplicates = d.world.smscs().values().stream().mapToLong(s -> s.inbox().duplicates()).sum();
        long messages = d.world.smsMessages();
        long lost = sms.planned() - recipients;
        long bound = (long) done * d.world.smscs().size() * d.world.options.window();
        boolean handedOver = sms.planned() > 0 && sms.queued() <= 0 && sms.submitted() == 0;
        boolean ok = lost == 0 && duplicates <= bound && ackedSurvived && handedOver;
        t.row("kills (SIGKILL, restart on the same journal)", done + " of " + kills, "", "");
        t.row("acknowledged alert in the ledger after the last restart", Boolean.toString(ackedSurvived), "true",
                ResultTable.met(ackedSurvived));
        t.row("SMS planned / delivered (ledger)", ResultTable.num(sms.planned()) + " / " + ResultTable.num(
                sms.delivered()) + " (accepted, awaiting a receipt " + sms.accepted() + ", failed " + sms.failed()
                + ", unknown " + sms.unknown() + ", expired " + sms.expired() + ")", "all handed over",
                ResultTable.met(handedOver));
        t.row("distinct recipients at the SMSCs / messages", ResultTable.num(recipients) + " / "
                + ResultTable.num(messages), "", "");
        t.row("lost (planned, never at an SMSC)", Long.toString(lost), "0", lost == 0 ? "met" : "**LOST**");
        t.row("duplicates (extra messages at the SMSCs)", Long.toString(duplicates), "<= " + bound + " (" + done
                + " kills × " + d.world.smscs().size() + " connectors × window " + d.world.options.window() + ")",
                ResultTable.met(duplicates <= bound));
        t.row("re-sent as possible duplicates / re-queued (engines' recovery reports)", possibleDuplicates + " / "
                + requeued, "", "");
        t.row("accepted before a kill, taken back to await receipts (engines' recovery reports)",
                ResultTable.num(takenBack), "", "");
        t.row("receipts for unknown message ids (SMS connectors' /health, read before each kill and at the end)",
                unknownReceipts + (unread > 0 ? " (" + unread + " engines not read: killed before serving)" : ""),
                "<= " + bound + " (only submits in flight at a kill, answered but not yet journaled)",
                ResultTable.met(unknownReceipts <= bound));
        t.row("restart: spawn → first submit_sm", resume.summary(), "target < 5 s for 1M recipients",
                d.world.options.subscribers() >= 1_000_000 ? ResultTable.met(resume.max() < 5000) : "(run with"
                        + " --subscribers 1000000 for the target)");
        t.row("restart: spawn → HTTP serving (last engine)", serving.summary(), "first start, empty journal: "
                + ResultTable.ms(d.world.firstStartMillis()), "");
        t.row("restart: journal replay (engines' own figure, those that reached HTTP)", replay.summary(), "", "");
        long posts = d.world.cbcs().values().stream().mapToLong(c -> c.counters().posts.get()).sum();
        long conflicts = d.world.cbcs().values().stream().mapToLong(c -> c.counters().conflicts.get()).sum();
        long replaced = d.world.cbcs().values().stream().mapToLong(c -> c.counters().replaced.get()).sum();
        long held = d.world.cbcs().values().stream().filter(c -> !c.store().messages().isEmpty()).count();
        t.row("cell broadcast: POSTs / 409 conflicts / write-replace; CBCs holding the warning", posts + " / "
                + conflicts + " / " + replaced + "; " + held + " of " + d.world.cbcs().size(), "", "");
        t.note(String.format(Locale.ROOT, "Wall time to 100%% delivered including the kills: %s.",
                ResultTable.s(fan.curve().millisTo(1.0, sms.planned()))));
        return new Result(t, ok, lost, duplicates, bound, done, resume);
    }
}
