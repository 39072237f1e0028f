package io.tocsin.cap;

import java.util.Set;

/** CAP's enumerated values per version, exactly as the 1.0, 1.1 and 1.2 schemas list them. */
final class CapVocabulary {
    private CapVocabulary() {
    }

    static final Set<String> STATUS_10 = Set.of("Actual", "Exercise", "System", "Test");
    static final Set<String> STATUS = Set.of("Actual", "Exercise", "System", "Test", "Draft");
    static final Set<String> MSG_TYPE = Set.of("Alert", "Update", "Cancel", "Ack", "Error");
    static final Set<String> SCOPE = Set.of("Public", "Restricted", "Private");
    static final Set<String> CATEGORY_10 = Set.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health",
            "Env", "Transport", "Infra", "Other");
    static final Set<String> CATEGORY = Set.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health",
            "Env", "Transport", "Infra", "CBRNE", "Other");
    static final Set<String> RESPONSE_11 = Set.of("Shelter", "Evacuate", "Prepare", "Execute", "Monitor",
            "Assess", "None");
    static final Set<String> RESPONSE = Set.of("Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor",
            "Assess", "AllClear", "None");
    static final Set<String> URGENCY = Set.of("Immediate", "Expected", "Future", "Past", "Unknown");
    static final Set<String> SEVERITY = Set.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");
    static final Set<String> CERTAINTY_10 = Set.of("Very Likely", "Likely", "Possible", "Unlikely", "Unknown");
    static final Set<String> CERTAINTY = Set.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");

    static Set<String> status(CapVersion v) {
        return v == CapVersion.V1_0 ? STATUS_10 : STATUS;
    }

    static Set<String> category(CapVersion v) {
        return v == CapVersion.V1_0 ? CATEGORY_10 : CATEGORY;
    }

    static Set<String> responseType(CapVersion v) {
        return v == CapVersion.V1_1 ? RESPONSE_11 : RESPONSE;
    }

    static Set<String> certainty(CapVersion v) {
        return v == CapVersion.V1_0 ? CERTAINTY_10 : CERTAINTY;
    }
}
