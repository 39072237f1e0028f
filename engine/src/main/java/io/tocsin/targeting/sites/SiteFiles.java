package io.tocsin.targeting.sites;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV files of sites (UTF-8, header line, {@code #} comments). Cells: {@code id,carrier,lat,lon,azimuth_deg,
 * beamwidth_deg,range_km}. Transmitters and stations: {@code id,name,lat,lon,range_km} (the kind is given by
 * the caller: radio transmitters and TV stations live in separate files). Stateless; thread-safe.
 */
public final class SiteFiles {
    private SiteFiles() {
    }

    public static List<CellSite> readCells(Path file) throws IOException {
        List<CellSite> out = new ArrayList<>();
        for (String[] f : rows(file, 7)) {
            out.add(new CellSite(f[0], f[1], d(f[2]), d(f[3]), d(f[4]), d(f[5]), d(f[6])));
        }
        return out;
    }

    public static List<Transmitter> readTransmitters(Path file, Transmitter.Kind kind) throws IOException {
        List<Transmitter> out = new ArrayList<>();
        for (String[] f : rows(file, 5)) {
            out.add(new Transmitter(f[0], kind, f[1], d(f[2]), d(f[3]), d(f[4])));
        }
        return out;
    }

    public static void writeCells(List<CellSite> cells, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,carrier,lat,lon,azimuth_deg,beamwidth_deg,range_km\n");
            for (CellSite c : cells) {
                out.write(c.id() + "," + c.carrier() + "," + c.lat() + "," + c.lon() + "," + c.azimuthDeg() + ","
                        + c.beamwidthDeg() + "," + c.rangeKm() + "\n");
            }
        }
    }

    public static void writeTransmitters(List<Transmitter> txs, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,name,lat,lon,range_km\n");
            for (Transmitter t : txs) {
                out.write(t.id() + "," + t.name() + "," + t.lat() + "," + t.lon() + "," + t.rangeKm() + "\n");
            }
        }
    }

    private static List<String[]> rows(Path file, int columns) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || n == 1 && t.startsWith("id,")) {
                    continue;
                }
                String[] f = t.split(",", -1);
                if (f.length < columns) {
                    throw new IOException(file + ":" + n + ": expected " + columns + " columns");
                }
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].strip();
                }
                try {
                    d(f[2]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + n + ": " + e.getMessage(), e);
                }
                out.add(f);
            }
        }
        return out;
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
