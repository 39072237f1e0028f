package io.tocsin.cap;

import java.time.OffsetDateTime;
import java.util.List;

/** A CAP {@code <info>} block: one language's rendering of the alert, with its areas. Immutable. */
public record AlertInfo(
        String language,
        List<String> categories,
        String event,
        List<String> responseTypes,
        String urgency,
        String severity,
        String certainty,
        String audience,
        List<NamedValue> eventCodes,
        String effective,
        String onset,
        String expires,
        String senderName,
        String headline,
        String description,
        String instruction,
        String web,
        String contact,
        List<NamedValue> parameters,
        List<Resource> resources,
        List<Area> areas) {

    public AlertInfo {
        categories = categories == null ? List.of() : List.copyOf(categories);
        responseTypes = responseTypes == null ? List.of() : List.copyOf(responseTypes);
        eventCodes = eventCodes == null ? List.of() : List.copyOf(eventCodes);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        resources = resources == null ? List.of() : List.copyOf(resources);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    /** CAP's default language when {@code <language>} is absent. */
    public String languageOrDefault() {
        return language == null || language.isBlank() ? "en-US" : language;
    }

    public Urgency urgencyValue() { return Urgency.parse(urgency); }

    public Severity severityValue() { return Severity.parse(severity); }

    public Certainty certaintyValue() { return Certainty.parse(certainty); }

    public OffsetDateTime expiresTime() { return CapDateTime.parseOrNull(expires); }

    public OffsetDateTime effectiveTime() { return CapDateTime.parseOrNull(effective); }

    public OffsetDateTime onsetTime() { return CapDateTime.parseOrNull(onset); }

    /** First parameter with this name (case-sensitive, as CAP profiles define them), or null. */
    public String parameter(String valueName) {
        return NamedValue.first(parameters, valueName);
    }

    /** First event code with this name, or null. */
    public String eventCode(String valueName) {
        return NamedValue.first(eventCodes, valueName);
    }
}
