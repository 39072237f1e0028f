package io.tocsin.bench.cap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import io.tocsin.cap.Alert;
import io.tocsin.cap.CapDecoder;
import io.tocsin.cap.CapValidator;
import io.tocsin.cap.Decoded;
import io.tocsin.cap.Reason;
import io.tocsin.ingress.BodyFormat;
import io.tocsin.ingress.CapAlertParser;
import io.tocsin.ingress.ParsedAlert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CAP intake cost, single thread: hardened decode + full CAP 1.2 validation of a typical 2–4 KB alert
 * (bilingual zh-CN/en-US typhoon warning with a 24-point polygon, geocodes and parameters), against the
 * same-run baseline of a plain Jackson {@code XmlMapper.readTree} of the same bytes (no model, no checks).
 * Target: at least 40,000 alerts/s and at least 0.5x the baseline's rate. {@code ingestParseDemo} prices what
 * one {@code POST /api/v1/alerts} of the demo's typhoon warning costs an I/O thread in {@link CapAlertParser}
 * (decode, one-alert check, validate), against {@code baselineJacksonReadTreeDemo} on the same bytes.
 *
 * <p>{@code java -jar bench/jmh/target/benchmarks.jar CapParseBenchmark -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CapParseBenchmark {
    private final CapDecoder decoder = new CapDecoder();
    private final CapValidator validator = new CapValidator();
    private final XmlMapper jackson = new XmlMapper();
    private final CapAlertParser ingest = new CapAlertParser();
    byte[] body;
    byte[] demo;

    @Setup
    public void setUp() {
        body = TypicalAlert.xml().getBytes(StandardCharsets.UTF_8);
        if (body.length < 2048 || body.length > 4096) {
            throw new IllegalStateException("typical alert should be 2-4 KB, is " + body.length);
        }
        Decoded d = decoder.decodeXml(body);
        List<Reason> reasons = validator.validate(d.alerts().get(0));
        if (!d.ok() || !reasons.isEmpty()) {
            throw new IllegalStateException("benchmark alert must be valid: " + d.reasons() + reasons);
        }
        demo = DemoAlert.bytes();
        ParsedAlert p = ingest.parse(BodyFormat.XML, demo);
        if (!p.ok()) {
            throw new IllegalStateException("demo alert must be valid: " + p.reasons());
        }
    }

    @Benchmark
    public List<Reason> decodeAndValidate() {
        Decoded d = decoder.decodeXml(body);
        Alert a = d.alerts().get(0);
        return validator.validate(a);
    }

    @Benchmark
    public Decoded decodeOnly() {
        return decoder.decodeXml(body);
    }

    @Benchmark
    public JsonNode baselineJacksonReadTree() throws IOException {
        return jackson.readTree(body);
    }

    @Benchmark
    public ParsedAlert ingestParseDemo() {
        return ingest.parse(BodyFormat.XML, demo);
    }

    @Benchmark
    public JsonNode baselineJacksonReadTreeDemo() throws IOException {
        return jackson.readTree(demo);
    }
}
