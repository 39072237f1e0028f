package io.tocsin.config;

/**
 * Where the journal lives and how hard it tries to survive power loss. Immutable.
 *
 * @param dir   directory of the journal (created if missing); relative paths resolve against the base directory
 * @param fsync when true every acknowledged append is forced to disk (covers power loss, costs throughput);
 *              a process crash never loses an acknowledged alert either way
 */
public record JournalConfig(String dir, Boolean fsync) {

    public JournalConfig {
        dir = dir == null ? "data/journal" : dir;
        fsync = fsync != null && fsync;
    }

    public static JournalConfig defaults() {
        return new JournalConfig(null, null);
    }

    void check(ConfigChecks checks, String path) {
        checks.notBlank(dir, path + ".dir");
    }
}
