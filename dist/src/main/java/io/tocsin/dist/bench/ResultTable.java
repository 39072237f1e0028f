package io.tocsin.dist.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table a run prints: a row per figure with its measured value, the same-run baseline or target it is
 * judged against, and the verdict. Markdown, so it can go straight into {@code bench/RESULTS.md}. Not
 * thread-safe.
 */
final class ResultTable {
    record Row(String figure, String value, String against, String verdict) {
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    ResultTable(String title) {
        this.title = title;
    }

    ResultTable row(String figure, String value, String against, String verdict) {
        rows.add(new Row(figure, value, against == null ? "" : against, verdict == null ? "" : verdict));
        return this;
    }

    ResultTable row(String figure, String value) {
        return row(figure, value, "", "");
    }

    ResultTable note(String text) {
        notes.add(text);
        return this;
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The value of the first row whose figure starts with {@code prefix}, or null. */
    String value(String prefix) {
        return rows.stream().filter(r -> r.figure().startsWith(prefix)).map(Row::value).findFirst().orElse(null);
    }

    void print(PrintStream out) {
        out.println();
        out.println("### " + title);
        out.println();
        out.println("| figure | measured | baseline / target | verdict |");
        out.println("|---|---|---|---|");
        for (Row r : rows) {
            out.printf("| %s | %s | %s | %s |%n", r.figure(), r.value(), r.against(), r.verdict());
        }
        for (String n : notes) {
            out.println();
            out.println(n);
        }
        out.flush();
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", v);
    }

    static String s(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String met(boolean ok) {
        return ok ? "met" : "**missed**";
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
    }
}
