package io.tocsin.connector.smpp;

import io.tocsin.connector.Dispatch;

/**
 * One taken dispatch on its way out: its segments, which of them the SMSC has accepted, and its tracker.
 * Mutable; owned by one submitting thread at a time (handed over through the carrier's queues).
 */
final class Outgoing {

    final Dispatch dispatch;
    final SegmentPlan plan;
    final int reference;
    final String source;
    final String destination;
    final String validity;
    final byte priority;
    final Tracker tracker;
    int next;
    int attempts;
    boolean submittedReported;

    Outgoing(Dispatch dispatch, SegmentPlan plan, int reference, String source, String validity, byte priority) {
        this.dispatch = dispatch;
        this.plan = plan;
        this.reference = reference;
        this.source = source;
        String address = dispatch.target().address();
        this.destination = address.startsWith("+") ? address.substring(1) : address;
        this.validity = validity;
        this.priority = priority;
        this.tracker = new Tracker(dispatch.id(), plan.segments());
    }

    boolean complete() { return next >= plan.segments(); }
}
