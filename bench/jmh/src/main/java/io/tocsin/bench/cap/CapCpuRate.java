package io.tocsin.bench.cap;

import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import io.tocsin.cap.CapDecoder;
import io.tocsin.cap.CapValidator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * Companion to {@link CapParseBenchmark} for an overloaded machine: the same two workloads, interleaved in
 * rounds on one thread, rated per second of this thread's CPU time (not wall time), so other processes
 * competing for the cores do not count against either side. Run:
 * {@code java -cp bench/jmh/target/benchmarks.jar io.tocsin.bench.cap.CapCpuRate [rounds]}.
 */
public final class CapCpuRate {
    private CapCpuRate() {
    }

    interface Work {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        byte[] body = TypicalAlert.xml().getBytes(StandardCharsets.UTF_8);
        CapDecoder decoder = new CapDecoder();
        CapValidator validator = new CapValidator();
        XmlMapper jackson = new XmlMapper();
        Work ours = () -> validator.validate(decoder.decodeXml(body).alerts().get(0));
        Work baseline = () -> jackson.readTree(body);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < rounds / 2 + 1; i++) { // warm-up rounds, discarded
            rate(mx, ours, 20_000);
            rate(mx, baseline, 20_000);
        }
        double sumOurs = 0;
        double sumBase = 0;
        System.out.printf("alert size: %d bytes%n", body.length);
        for (int i = 0; i < rounds; i++) {
            double a = rate(mx, ours, 20_000);
            double b = rate(mx, baseline, 20_000);
            sumOurs += a;
            sumBase += b;
            System.out.printf("round %2d: decode+validate %,10.0f/cpu-s   jackson readTree %,10.0f/cpu-s   ratio %.2f%n",
                    i, a, b, a / b);
        }
        System.out.printf("mean: decode+validate %,.0f alerts per CPU-second, baseline %,.0f, ratio %.2f%n",
                sumOurs / rounds, sumBase / rounds, sumOurs / sumBase);
    }

    private static double rate(ThreadMXBean mx, Work work, int n) throws Exception {
        Object sink = null;
        long start = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            sink = work.run();
        }
        long cpu = mx.getCurrentThreadCpuTime() - start;
        if (sink == null) {
            throw new IllegalStateException();
        }
        return n / (cpu / 1e9);
    }
}
