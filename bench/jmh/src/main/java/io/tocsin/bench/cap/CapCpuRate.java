package io.tocsin.bench.cap;

import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import io.tocsin.cap.CapDecoder;
import io.tocsin.cap.CapValidator;
import io.tocsin.ingress.BodyFormat;
import io.tocsin.ingress.CapAlertParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * Companion to {@link CapParseBenchmark} for an overloaded machine: the same workloads (typical alert and the
 * demo's typhoon warning through the ingest parser, each with its Jackson baseline), interleaved in
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
        byte[] demo = DemoAlert.bytes();
        CapDecoder decoder = new CapDecoder();
        CapValidator validator = new CapValidator();
        CapAlertParser ingest = new CapAlertParser();
        XmlMapper jackson = new XmlMapper();
        String[] names = {"decode+validate typical", "jackson readTree typical", "ingest parse demo",
            "jackson readTree demo"};
        Work[] work = {
            () -> validator.validate(decoder.decodeXml(body).alerts().get(0)),
            () -> jackson.readTree(body),
            () -> ingest.parse(BodyFormat.XML, demo),
            () -> jackson.readTree(demo)};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < rounds / 2 + 1; i++) { // warm-up rounds, discarded
            for (Work w : work) {
                rate(mx, w, 20_000);
            }
        }
        double[] sum = new double[work.length];
        System.out.printf("typical alert: %d bytes, demo alert: %d bytes%n", body.length, demo.length);
        for (int i = 0; i < rounds; i++) {
            StringBuilder line = new StringBuilder(String.format("round %2d:", i));
            for (int k = 0; k < work.length; k++) {
                double r = rate(mx, work[k], 20_000);
                sum[k] += r;
                line.append(String.format("  %s %,9.0f", names[k], r));
            }
            System.out.println(line + "  /cpu-s");
        }
        for (int k = 0; k < work.length; k += 2) {
            System.out.printf("mean: %s %,.0f per CPU-second, %s %,.0f, ratio %.2f%n", names[k], sum[k] / rounds,
                    names[k + 1], sum[k + 1] / rounds, sum[k] / sum[k + 1]);
        }
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
