package io.tocsin.targeting.directory;

import io.tocsin.targeting.geo.Region;
import io.tocsin.targeting.geo.RegionSampler;
import io.tocsin.targeting.geo.RegionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;

/**
 * Deterministic synthetic directory: N subscribers spread over the regions in proportion to population
 * (largest remainder), half clustered around each district's centre; carrier mix 60/20/20 (China Mobile
 * {@code cmcc}, China Unicom {@code cucc}, China Telecom {@code ctcc}) with realistic, unique 11-digit
 * MSISDNs; 95% {@code zh-CN}, 5% {@code en-US}; small shares of officials, information officers,
 * volunteers, exercise testers and test devices. Same seed, same directory. Thread-safe (no state).
 */
public final class DirectoryGenerator {
    public static final List<String> CARRIERS = List.of("cmcc", "cucc", "ctcc");
    private static final int[][] PREFIXES = {
        {134, 135, 136, 137, 138, 139, 147, 150, 151, 152, 157, 158, 159, 178, 182, 183, 184, 187, 188, 195, 198},
        {130, 131, 132, 145, 155, 156, 166, 175, 176, 185, 186, 196},
        {133, 149, 153, 173, 177, 180, 181, 189, 190, 191, 193, 199},
    };
    private static final long SCRAMBLE = 2_654_435_761L;

    private DirectoryGenerator() {
    }

    public static SubscriberDirectory generate(RegionSet regions, int n, long seed) {
        return generate(regions, n, seed, 0);
    }

    /** As {@link #generate(RegionSet, int, long)} with a fixed grid cell size in 1e-7 degrees (0 = automatic). */
    public static SubscriberDirectory generate(RegionSet regions, int n, long seed, int cellE7) {
        return generate(regions, n, seed, cellE7, 0.5);
    }

    /**
     * As above with the share of subscribers clustered around district centres ({@code 0} = uniform over
     * each region, which makes the count in a sub-area proportional to its area).
     */
    public static SubscriberDirectory generate(RegionSet regions, int n, long seed, int cellE7, double clusterShare) {
        List<String> codes = new ArrayList<>();
        for (Region r : regions.all()) {
            codes.add(r.code());
        }
        DirectoryBuilder b = new DirectoryBuilder(codes, n);
        for (String c : CARRIERS) {
            b.carrierIndex(c);
        }
        int zh = b.languageIndex("zh-CN");
        int en = b.languageIndex("en-US");
        int[] counts = apportion(regions, n);
        long[] perCarrier = new long[CARRIERS.size()];
        SplittableRandom random = new SplittableRandom(seed);
        Coordinate p = new Coordinate();
        for (int ri = 0; ri < regions.size(); ri++) {
            RegionSampler sampler = new RegionSampler(regions.get(ri).geometry(), clusterShare);
            byte regionByte = b.regionByte(regions.get(ri).code());
            for (int k = 0; k < counts[ri]; k++) {
                sampler.sample(random, p);
                double u = random.nextDouble();
                int carrier = u < 0.6 ? 0 : u < 0.8 ? 1 : 2;
                long seq = perCarrier[carrier]++;
                int[] prefixes = PREFIXES[carrier];
                long prefix = prefixes[(int) (seq % prefixes.length)];
                long suffix = ((seq / prefixes.length) * SCRAMBLE + 12_345_678L) % 100_000_000L;
                int lang = random.nextInt(100) < 95 ? zh : en;
                b.add(prefix * 100_000_000L + suffix, carrier, p.y, p.x, lang, groups(random), regionByte);
            }
        }
        return b.build(cellE7);
    }

    private static int groups(SplittableRandom random) {
        int g = 0;
        int u = random.nextInt(100_000);
        if (u < 200) {
            g |= SubscriberGroup.OFFICIALS.bit();
        }
        if (u >= 150 && u < 250) {
            g |= SubscriberGroup.INFORMATION_OFFICERS.bit();
        }
        if (u >= 1_000 && u < 2_000) {
            g |= SubscriberGroup.VOLUNTEERS.bit();
        }
        if (u >= 3_000 && u < 3_050) {
            g |= SubscriberGroup.EXERCISE_TESTERS.bit();
        }
        if (u >= 3_040 && u < 3_060) {
            g |= SubscriberGroup.TEST_DEVICES.bit();
        }
        return g;
    }

    /** Subscribers per region in proportion to population, summing exactly to n (largest remainder). */
    static int[] apportion(RegionSet regions, int n) {
        long total = Math.max(1, regions.totalPopulation());
        int[] counts = new int[regions.size()];
        double[] rest = new double[regions.size()];
        int given = 0;
        for (int i = 0; i < counts.length; i++) {
            double exact = (double) n * regions.get(i).population() / total;
            counts[i] = (int) Math.floor(exact);
            rest[i] = exact - counts[i];
            given += counts[i];
        }
        while (given < n && counts.length > 0) {
            int best = 0;
            for (int i = 1; i < rest.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            counts[best]++;
            rest[best] = -1;
            given++;
        }
        return counts;
    }
}
