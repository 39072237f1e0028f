package io.tocsin.targeting.directory;

/**
 * Groups a subscriber may belong to; each is one bit of the directory's group byte. Exercise and test
 * alerts go only to {@link #EXERCISE_TESTERS} and {@link #TEST_DEVICES}.
 */
public enum SubscriberGroup {
    OFFICIALS("officials"),
    INFORMATION_OFFICERS("information-officers"),
    VOLUNTEERS("volunteers"),
    EXERCISE_TESTERS("exercise-testers"),
    TEST_DEVICES("test-devices");

    /** Bits of the groups that may receive exercises and tests. */
    public static final int DRILL_MASK = EXERCISE_TESTERS.bit() | TEST_DEVICES.bit();

    private final String id;

    SubscriberGroup(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public static SubscriberGroup byId(String id) {
        for (SubscriberGroup g : values()) {
            if (g.id.equals(id)) {
                return g;
            }
        }
        return null;
    }

    /** Group byte from ids separated by {@code |}, {@code ;} or spaces; unknown ids are ignored. */
    public static int parseMask(String ids) {
        int mask = 0;
        if (ids != null) {
            for (String id : ids.split("[|; ]+")) {
                SubscriberGroup g = byId(id.strip());
                if (g != null) {
                    mask |= g.bit();
                }
            }
        }
        return mask;
    }

    public static String format(int mask) {
        StringBuilder sb = new StringBuilder();
        for (SubscriberGroup g : values()) {
            if ((mask & g.bit()) != 0) {
                if (sb.length() > 0) {
                    sb.append('|');
                }
                sb.append(g.id);
            }
        }
        return sb.toString();
    }
}
