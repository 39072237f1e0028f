package io.tocsin.sim.smpp;

import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BindType;
import org.jsmpp.session.SMPPServerSession;

/** One bound session at the simulated SMSC, with its own window count and TPS limiter. */
final class SimBind {

    final SMPPServerSession session;
    final String systemId;
    final BindType type;
    final AtomicInteger inProgress = new AtomicInteger();
    final Limiter limiter;
    final RateMeter rate = new RateMeter();

    SimBind(SMPPServerSession session, String systemId, BindType type, double tps) {
        this.session = session;
        this.systemId = systemId;
        this.type = type;
        this.limiter = new Limiter(tps);
    }

    boolean receives() {
        return (type == BindType.BIND_RX || type == BindType.BIND_TRX) && session.getSessionState().isReceivable();
    }
}
