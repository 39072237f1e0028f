package io.tocsin.targeting.directory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the subscriber directory. CSV (UTF-8, header line, {@code #} comments):
 * {@code msisdn,carrier,lat,lon,language,groups,region} with groups separated by {@code |} (ids of
 * {@link SubscriberGroup}) and region a region code or empty. Binary ({@code .bin}): magic {@code TOCSDIR1},
 * the name tables, the count, then each column as big-endian primitives — loads an 18.7-million-entry
 * directory in seconds. Stateless; thread-safe.
 */
public final class DirectoryFiles {
    private static final long MAGIC = 0x544f435344495231L; // "TOCSDIR1"

    private DirectoryFiles() {
    }

    /** Loads {@code .bin} files as binary, anything else as CSV. */
    public static SubscriberDirectory load(Path file, List<String> regionCodes) throws IOException {
        return file.toString().endsWith(".bin") ? readBinary(file) : readCsv(file, regionCodes);
    }

    public static SubscriberDirectory readCsv(Path file, List<String> regionCodes) throws IOException {
        DirectoryBuilder b = new DirectoryBuilder(regionCodes, 1024);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("msisdn")) {
                    continue;
                }
                String[] f = t.split(",", -1);
                if (f.length < 4) {
                    throw new IOException(file + ":" + n + ": expected msisdn,carrier,lat,lon[,language,groups,region]");
                }
                try {
                    b.add(Long.parseLong(f[0].strip()), b.carrierIndex(f[1].strip()), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), b.languageIndex(f.length > 4 && !f[4].isBlank() ? f[4].strip() : "zh-CN"),
                            SubscriberGroup.parseMask(f.length > 5 ? f[5] : ""), b.regionByte(f.length > 6 ? f[6].strip() : null));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + n + ": " + e.getMessage(), e);
                }
            }
        }
        return b.build();
    }

    public static void writeCsv(SubscriberDirectory d, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("msisdn,carrier,lat,lon,language,groups,region\n");
            for (int i = 0; i < d.size(); i++) {
                String region = d.regionCode(i);
                out.write(d.msisdn(i) + "," + d.carrier(i) + "," + d.lat(i) + "," + d.lon(i) + "," + d.language(i) + ","
                        + SubscriberGroup.format(d.groups(i)) + "," + (region == null ? "" : region) + "\n");
            }
        }
    }

    public static void writeBinary(SubscriberDirectory d, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeLong(MAGIC);
            writeTable(out, d.carriers());
            writeTable(out, d.languages());
            writeTable(out, d.regionCodes());
            out.writeInt(d.grid().cellE7());
            int n = d.size();
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeLong(d.msisdn(i));
            }
            for (int i = 0; i < n; i++) {
                out.writeInt(d.latE7(i));
            }
            for (int i = 0; i < n; i++) {
                out.writeInt(d.lonE7(i));
            }
            for (int i = 0; i < n; i++) {
                out.writeByte(d.carrierIndex(i));
            }
            for (int i = 0; i < n; i++) {
                out.writeByte(d.languageIndex(i));
            }
            for (int i = 0; i < n; i++) {
                out.writeByte(d.groups(i));
            }
            for (int i = 0; i < n; i++) {
                out.writeByte(d.regionIndex(i));
            }
        }
    }

    public static SubscriberDirectory readBinary(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readLong() != MAGIC) {
                throw new IOException(file + ": not a Tocsin directory file");
            }
            List<String> carriers = readTable(in);
            List<String> languages = readTable(in);
            List<String> regions = readTable(in);
            int cellE7 = in.readInt();
            int n = in.readInt();
            long[] msisdn = new long[n];
            int[] lat = new int[n];
            int[] lon = new int[n];
            byte[] carrier = new byte[n];
            byte[] language = new byte[n];
            byte[] groups = new byte[n];
            byte[] region = new byte[n];
            for (int i = 0; i < n; i++) {
                msisdn[i] = in.readLong();
            }
            for (int i = 0; i < n; i++) {
                lat[i] = in.readInt();
            }
            for (int i = 0; i < n; i++) {
                lon[i] = in.readInt();
            }
            in.readFully(carrier);
            in.readFully(language);
            in.readFully(groups);
            in.readFully(region);
            return DirectoryBuilder.fromColumns(carriers, languages, regions, msisdn, lat, lon, carrier, language,
                    groups, region, cellE7);
        }
    }

    private static void writeTable(DataOutputStream out, List<String> table) throws IOException {
        out.writeShort(table.size());
        for (String s : table) {
            out.writeUTF(s);
        }
    }

    private static List<String> readTable(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }
}
