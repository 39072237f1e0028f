package io.tocsin.cap;

import java.util.List;

/** A CAP name/value pair: {@code eventCode}, {@code parameter} and {@code geocode} all have this shape. */
public record NamedValue(String valueName, String value) {

    static String first(List<NamedValue> values, String valueName) {
        for (NamedValue v : values) {
            if (valueName.equals(v.valueName())) {
                return v.value();
            }
        }
        return null;
    }
}
