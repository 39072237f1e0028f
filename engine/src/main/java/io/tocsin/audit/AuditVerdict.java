package io.tocsin.audit;

/**
 * The result of checking a chain: intact or not, how many records were good, and for a broken chain the
 * 1-based line where it breaks and what is wrong there.
 */
public record AuditVerdict(boolean intact, long records, String head, long badLine, String problem) {

    static AuditVerdict ok(long records, String head) {
        return new AuditVerdict(true, records, head, 0, null);
    }

    static AuditVerdict broken(long goodRecords, long line, String problem) {
        return new AuditVerdict(false, goodRecords, null, line, "line " + line + ": " + problem);
    }
}
