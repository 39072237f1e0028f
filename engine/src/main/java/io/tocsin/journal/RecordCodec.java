package io.tocsin.journal;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.DispatchAction;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.Target;
import io.tocsin.ledger.AlertState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * The journal's binary form: one tag byte, then the record's fields. Dispatch outcomes and ranges are a few
 * dozen bytes each so that millions of them journal quickly; only an accepted alert carries JSON.
 *
 * <pre>
 *   tag | at (8) | fields...        strings: stop-bit length + UTF-8 (null allowed); enums: one byte
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class RecordCodec {
    static final byte ALERT = 1;
    static final byte OPERATOR = 2;
    static final byte PLANNED = 3;
    static final byte OUTCOME = 4;
    static final byte RANGE = 5;
    static final byte CLOSED = 6;
    static final byte PROGRESS = 7;
    /** {@link #PLANNED} with each target's region: a table of distinct codes, then one index per target. */
    static final byte PLANNED_REGIONS = 8;
    /** An {@link #ALERT} on the pre-approved correction path (same fields; older journals never hold it). */
    static final byte CORRECTION = 9;

    private static final ChannelKind[] KINDS = ChannelKind.values();
    private static final DispatchState[] STATES = DispatchState.values();
    private static final DispatchAction[] ACTIONS = DispatchAction.values();

    private RecordCodec() {
    }

    public static void write(JournalRecord record, BytesOut<?> out) {
        write(record, out, new JsonBuffer(4096));
    }

    /**
     * As {@link #write(JournalRecord, BytesOut)}, encoding an alert's JSON into {@code json}, which the caller's
     * thread reuses from record to record.
     */
    static void write(JournalRecord record, BytesOut<?> out, JsonBuffer json) {
        if (record instanceof DispatchOutcome r) {
            out.writeByte(OUTCOME).writeLong(r.at()).writeLong(r.dispatchId()).writeByte((byte) r.state().ordinal());
            out.writeUtf8(r.peerRef());
            out.writeUtf8(r.reason());
        } else if (record instanceof DispatchRange r) {
            out.writeByte(RANGE).writeLong(r.at()).writeLong(r.firstId()).writeInt(r.count())
                    .writeByte((byte) r.state().ordinal());
        } else if (record instanceof DispatchesPlanned r) {
            writePlanned(r, out);
        } else if (record instanceof AlertAccepted r) {
            out.writeByte(r.correction() ? CORRECTION : ALERT).writeLong(r.at());
            out.writeUtf8(r.alertId());
            out.writeUtf8(r.publisher());
            out.writeBoolean(r.needsApproval());
            out.writeUtf8(r.contentType());
            writeBytes(out, r.raw());
            AlertCodec.encode(r.alert(), json);
            out.writeStopBit(json.size());
            out.write(json.array(), 0, json.size());
        } else if (record instanceof OperatorAction r) {
            out.writeByte(OPERATOR).writeLong(r.at()).writeByte((byte) r.kind().ordinal());
            out.writeUtf8(r.alertId());
            out.writeUtf8(r.operator());
            out.writeUtf8(r.reason());
        } else if (record instanceof AlertClosed r) {
            out.writeByte(CLOSED).writeLong(r.at()).writeByte((byte) r.state().ordinal());
            out.writeUtf8(r.alertId());
            out.writeUtf8(r.detail());
        } else if (record instanceof PlanningProgress r) {
            out.writeByte(PROGRESS).writeLong(r.at()).writeByte((byte) r.stage().ordinal()).writeLong(r.count());
            out.writeUtf8(r.alertId());
            out.writeUtf8(r.detail());
        } else {
            throw new IllegalArgumentException("unknown record " + record);
        }
    }

    public static JournalRecord read(BytesIn<?> in) {
        byte tag = in.readByte();
        long at = in.readLong();
        switch (tag) {
            case OUTCOME: {
                long id = in.readLong();
                DispatchState state = STATES[in.readByte()];
                return new DispatchOutcome(at, id, state, in.readUtf8(), in.readUtf8());
            }
            case RANGE:
                return new DispatchRange(at, in.readLong(), in.readInt(), STATES[in.readByte()]);
            case PLANNED:
                return readPlanned(at, in, false);
            case PLANNED_REGIONS:
                return readPlanned(at, in, true);
            case ALERT:
            case CORRECTION: {
                String id = in.readUtf8();
                String publisher = in.readUtf8();
                boolean approval = in.readBoolean();
                String contentType = in.readUtf8();
                byte[] raw = readBytes(in);
                return new AlertAccepted(at, id, publisher, approval, contentType, raw,
                        AlertCodec.decode(readBytes(in)), tag == CORRECTION);
            }
            case OPERATOR: {
                OperatorAction.Kind kind = OperatorAction.Kind.values()[in.readByte()];
                return new OperatorAction(at, kind, in.readUtf8(), in.readUtf8(), in.readUtf8());
            }
            case CLOSED: {
                AlertState state = AlertState.values()[in.readByte()];
                return new AlertClosed(at, in.readUtf8(), state, in.readUtf8());
            }
            case PROGRESS: {
                PlanningProgress.Stage stage = PlanningProgress.Stage.values()[in.readByte()];
                long count = in.readLong();
                return new PlanningProgress(at, in.readUtf8(), stage, count, in.readUtf8());
            }
            default:
                throw new IllegalStateException("unknown journal tag " + tag);
        }
    }

    private static void writePlanned(DispatchesPlanned r, BytesOut<?> out) {
        out.writeByte(PLANNED_REGIONS).writeLong(r.at()).writeLong(r.firstId()).writeLong(r.recipientsConsumed())
                .writeInt(r.sequence()).writeByte((byte) r.action().ordinal());
        out.writeUtf8(r.alertId());
        out.writeUtf8(r.connector());
        out.writeUtf8(r.replaces());
        // regions: n | n codes | then per target an index (0 = none): one byte for a handful of regions
        Map<String, Integer> regions = new LinkedHashMap<>();
        for (Target t : r.targets()) {
            if (t.region() != null) {
                regions.putIfAbsent(t.region(), regions.size() + 1);
            }
        }
        out.writeStopBit(regions.size());
        regions.keySet().forEach(out::writeUtf8);
        out.writeStopBit(r.targets().size());
        for (Target t : r.targets()) {
            out.writeByte((byte) t.kind().ordinal());
            out.writeUtf8(t.address());
            out.writeUtf8(t.carrier());
            out.writeUtf8(t.language());
            writeStrings(out, t.cells());
            writeStrings(out, t.groups());
            out.writeStopBit(t.region() == null ? 0 : regions.get(t.region()));
        }
    }

    private static DispatchesPlanned readPlanned(long at, BytesIn<?> in, boolean withRegions) {
        long firstId = in.readLong();
        long consumed = in.readLong();
        int sequence = in.readInt();
        DispatchAction action = ACTIONS[in.readByte()];
        String alertId = in.readUtf8();
        String connector = in.readUtf8();
        String replaces = in.readUtf8();
        String[] regions = new String[withRegions ? (int) in.readStopBit() + 1 : 1];
        for (int i = 1; i < regions.length; i++) {
            regions[i] = in.readUtf8();
        }
        int n = (int) in.readStopBit();
        List<Target> targets = new ArrayList<>(n);
        // Thousands of targets per record (a restart replays hundreds of thousands): strings are read into one
        // builder instead of through Chronicle's thread-local interner, and the few carriers and languages of a
        // record are shared rather than copied per target.
        StringBuilder sb = new StringBuilder(32);
        String carrier = null;
        String language = null;
        for (int i = 0; i < n; i++) {
            ChannelKind kind = KINDS[in.readByte()];
            String address = in.readUtf8(sb) ? sb.toString() : null;
            carrier = in.readUtf8(sb) ? same(sb, carrier) : null;
            language = in.readUtf8(sb) ? same(sb, language) : null;
            List<String> cells = readStrings(in);
            List<String> groups = readStrings(in);
            String region = withRegions ? regions[(int) in.readStopBit()] : null;
            targets.add(new Target(kind, address, carrier, language, cells, groups, region));
        }
        return new DispatchesPlanned(at, alertId, connector, action, sequence, replaces, firstId, consumed, targets);
    }

    /** {@code last} when it holds what {@code sb} holds, else a new string of it. */
    private static String same(StringBuilder sb, String last) {
        return last != null && last.contentEquals(sb) ? last : sb.toString();
    }

    private static void writeStrings(BytesOut<?> out, List<String> values) {
        out.writeStopBit(values.size());
        for (String v : values) {
            out.writeUtf8(v);
        }
    }

    private static List<String> readStrings(BytesIn<?> in) {
        int n = (int) in.readStopBit();
        if (n == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUtf8());
        }
        return out;
    }

    private static void writeBytes(BytesOut<?> out, byte[] bytes) {
        out.writeStopBit(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(BytesIn<?> in) {
        byte[] bytes = new byte[(int) in.readStopBit()];
        in.read(bytes);
        return bytes;
    }
}
