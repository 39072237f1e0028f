package io.tocsin.targeting.coverage;

/** Coverage of the part of an area inside one region: people, people reached per channel, by any, by none. */
public record RegionCoverage(String code, String name, long population, long sms, long cellBroadcast, long radio,
                             long tv, long reachedByAny, long reachedByNone) {
}
