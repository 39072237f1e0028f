package io.tocsin.sim.smpp;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs simulated SMSCs standalone until killed, printing their counters every 5 s.
 *
 * <pre>
 *   java -cp ... io.tocsin.sim.smpp.SmscSimulatorMain --port 2775 --name cmcc --bind-tps 500 --window 32 \
 *        [--account-tps 2000] [--latency-ms 2] [--throttle 0.1] [--drop-every-ms 5000] [--lost-receipts 0.05] \
 *        [--receipt-delay-ms 100] [--reject 8613900] [--password secret]
 * </pre>
 */
public final class SmscSimulatorMain {

    private SmscSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/tocsin/sim/smpp/logback-smsc.xml");
        }
        SmscConfig c = parse(args);
        try (SmscSimulator smsc = new SmscSimulator(c).start()) {
            System.out.println("SMSC " + c.name() + " on 127.0.0.1:" + smsc.port());
            Runtime.getRuntime().addShutdownHook(new Thread(smsc::close));
            CountDownLatch never = new CountDownLatch(1);
            while (!never.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
                System.out.println(smsc.stats() + " recipients=" + smsc.inbox().recipients()
                        + " peak/s=" + smsc.rate().peakPerSecond());
            }
        }
    }

    static SmscConfig parse(String[] args) {
        SmscConfig c = SmscConfig.defaults("smsc").withPort(2775);
        double bindTps = 0;
        double accountTps = 0;
        int window = 0;
        double throttle = 0;
        Duration drop = null;
        double lost = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--port": c = c.withPort(Integer.parseInt(v)); break;
                case "--name": c = new SmscConfig(v, c.port(), c.password(), 0, 0, 0, c.latency(), 0, null,
                        c.receiptDelay(), 0, c.rejectPrefixes(), c.undeliverablePrefixes(), c.receiptFormat(),
                        false, c.seed()); break;
                case "--password": c = c.withPassword(v); break;
                case "--bind-tps": bindTps = Double.parseDouble(v); break;
                case "--account-tps": accountTps = Double.parseDouble(v); break;
                case "--window": window = Integer.parseInt(v); break;
                case "--latency-ms": c = c.withLatency(Duration.ofMillis(Long.parseLong(v))); break;
                case "--throttle": throttle = Double.parseDouble(v); break;
                case "--drop-every-ms": drop = Duration.ofMillis(Long.parseLong(v)); break;
                case "--lost-receipts": lost = Double.parseDouble(v); break;
                case "--receipt-delay-ms": c = c.withReceipts(Duration.ofMillis(Long.parseLong(v)), c.receiptFormat());
                    break;
                case "--reject": c = c.withNumbers(List.of(v.split(",")), c.undeliverablePrefixes()); break;
                default: throw new IllegalArgumentException("unknown option " + args[i] + " in " + Arrays.toString(args));
            }
        }
        return c.withLimits(bindTps, accountTps, window).withFaults(throttle, drop, lost);
    }
}
