package io.tocsin.dist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@link NioLoad} run got back: answers by status, latencies of acceptances and of refusals, refusals
 * without Retry-After, the ids of accepted alerts, client-side errors (with a few samples), requests not sent
 * for want of a connection, and how far the generator fell behind its schedule. Confined to the load's thread
 * while it runs; read after.
 */
final class LoadTally {
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final Samples acceptedMillis = new Samples();
    final Samples refusedMillis = new Samples();
    final List<String> acceptedIds = new ArrayList<>();
    final List<String> samples = new ArrayList<>();
    long sent;
    long errors;
    long notSent;
    long refusalsWithoutRetryAfter;
    long maxLagNanos;

    void sent() {
        sent++;
    }

    void notSent() {
        notSent++;
    }

    void lag(long nanos) {
        maxLagNanos = Math.max(maxLagNanos, nanos);
    }

    void answer(NioLoad.Answer a, long nanos) {
        statuses.merge(a.status(), 1, Integer::sum);
        double ms = nanos / 1e6;
        if (a.status() == 202) {
            acceptedMillis.add(ms);
            int at = a.body().indexOf("\"id\":\"");
            if (at >= 0) {
                acceptedIds.add(a.body().substring(at + 6, a.body().indexOf('"', at + 6)));
            }
        } else if (a.status() == 429 || a.status() == 503) {
            refusedMillis.add(ms);
            if (!a.retryAfter()) {
                refusalsWithoutRetryAfter++;
            }
            sample(a.status() + " " + a.body());
        } else {
            sample(a.status() + " " + a.body());
        }
    }

    void error(String what) {
        errors++;
        sample(what);
    }

    private void sample(String s) {
        if (samples.size() < 6 && samples.stream().noneMatch(x -> x.regionMatches(0, s, 0, Math.min(24, s.length())))) {
            samples.add(s.length() > 160 ? s.substring(0, 160) : s);
        }
    }

    int accepted() {
        return statuses.getOrDefault(202, 0);
    }

    int refused() {
        return statuses.getOrDefault(429, 0) + statuses.getOrDefault(503, 0);
    }

    long answered() {
        return statuses.values().stream().mapToLong(Integer::longValue).sum();
    }
}
