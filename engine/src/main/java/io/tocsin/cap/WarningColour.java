package io.tocsin.cap;

/**
 * China's warning colours and their CAP severities: blue → Minor, yellow → Moderate, orange → Severe,
 * red → Extreme. Guangdong's typhoon signal also has white (a "watch"), mapped to Minor as well.
 */
public enum WarningColour {
    WHITE("白色", Severity.Minor),
    BLUE("蓝色", Severity.Minor),
    YELLOW("黄色", Severity.Moderate),
    ORANGE("橙色", Severity.Severe),
    RED("红色", Severity.Extreme);

    private final String chinese;
    private final Severity severity;

    WarningColour(String chinese, Severity severity) {
        this.chinese = chinese;
        this.severity = severity;
    }

    public String chinese() { return chinese; }

    public Severity severity() { return severity; }

    /** The colour shown for a CAP severity (Unknown and null have none). */
    public static WarningColour ofSeverity(Severity severity) {
        if (severity == null) {
            return null;
        }
        switch (severity) {
            case Extreme: return RED;
            case Severe: return ORANGE;
            case Moderate: return YELLOW;
            case Minor: return BLUE;
            default: return null;
        }
    }

    /** Reads "red", "RED", "红色" or "红"; null when it is none of them. */
    public static WarningColour parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        for (WarningColour c : values()) {
            if (c.name().equalsIgnoreCase(t) || c.chinese.equals(t) || c.chinese.substring(0, 1).equals(t)) {
                return c;
            }
        }
        return null;
    }
}
