package io.tocsin.targeting.coverage;

import java.util.List;

/**
 * Who an area's alert can reach, before release and in the after-action report: the people in the area,
 * how many each channel reaches (SMS: subscribers scaled by people per subscriber; cell broadcast: people
 * under the targeted cells; radio and TV: under the targeted transmitters' and stations' coverage), how many
 * any channel reaches and how many none does (blind spots), per region and as a grid, plus the people
 * outside the area that the targeted cells also reach (overshoot). Immutable.
 */
public record Coverage(long population, long sms, long cellBroadcast, long radio, long tv, long reachedByAny,
                       long reachedByNone, long cellBroadcastOvershoot, List<RegionCoverage> regions,
                       List<CoverageCell> grid) {

    public Coverage {
        regions = List.copyOf(regions);
        grid = List.copyOf(grid);
    }

    /** Share of the area's people no channel reaches (0 when the area holds nobody). */
    public double blindShare() {
        return population == 0 ? 0 : (double) reachedByNone / population;
    }

    /** The grid cells no channel reaches. */
    public List<CoverageCell> blindSpots() {
        return grid.stream().filter(CoverageCell::blind).toList();
    }
}
