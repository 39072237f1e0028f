package io.tocsin.security;

import java.util.Map;

/**
 * Which person stands behind each publisher key and operator account, so that "approved by someone other than
 * the submitter" compares people, not account names. A publisher's person is its configured {@code owner}, an
 * operator's its configured {@code person}; either defaults to the account's own name, so one person who holds
 * both a publisher key and an operator account is linked by naming the same person on both. Immutable and
 * thread-safe.
 */
public final class Identities {
    /** No links: every account is its own person (names compared as before). */
    public static final Identities NAMES = new Identities(Map.of(), Map.of());

    private final Map<String, String> publisherOwners;
    private final Map<String, String> operatorPeople;

    public Identities(Map<String, String> publisherOwners, Map<String, String> operatorPeople) {
        this.publisherOwners = Map.copyOf(publisherOwners);
        this.operatorPeople = Map.copyOf(operatorPeople);
    }

    /** The person who submits as this publisher (its owner, else the publisher name). */
    public String ofPublisher(String publisher) {
        return publisher == null ? null : publisherOwners.getOrDefault(publisher, publisher);
    }

    /** The person behind this operator account (its person, else the operator name). */
    public String ofOperator(String operator) {
        return operator == null ? null : operatorPeople.getOrDefault(operator, operator);
    }

    /**
     * Why this operator may not approve an alert this publisher submitted, or null when they may: refused when
     * both accounts are the same person (or carry the same name).
     */
    public String selfApproval(String publisher, String operator) {
        if (publisher == null || operator == null) {
            return null;
        }
        String submitter = ofPublisher(publisher);
        String approver = ofOperator(operator);
        if (!submitter.equals(approver) && !publisher.equals(operator)) {
            return null;
        }
        return "self-approval refused: operator '" + operator + "' is " + approver + ", who submitted this alert"
                + " through publisher '" + publisher + "' (owner " + submitter + "); an alert must be approved by"
                + " someone other than its submitter";
    }
}
