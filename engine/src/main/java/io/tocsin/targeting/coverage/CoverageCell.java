package io.tocsin.targeting.coverage;

/**
 * One population-grid cell of an area: its centre, size, people, and people reached by SMS, and whether
 * cell broadcast, radio and TV cover its centre. {@code reachedByAny} folds them together.
 */
public record CoverageCell(double lat, double lon, double sizeDegrees, String regionCode, long population,
                           long sms, boolean cellBroadcast, boolean radio, boolean tv, long reachedByAny) {

    public long reachedByNone() {
        return population - reachedByAny;
    }

    public boolean blind() {
        return reachedByAny == 0 && population > 0;
    }
}
