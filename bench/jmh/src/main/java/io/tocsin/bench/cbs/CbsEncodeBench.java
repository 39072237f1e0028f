package io.tocsin.bench.cbs;

import io.tocsin.cbs.CbsEncoder;
import io.tocsin.cbs.CbsEncoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * CBS page encoding rate: the real encoder (alphabet check, page layout, packing, padding) against naive
 * baselines — for UCS2 a bare {@code getBytes(UTF_16BE)} copied into pages, for GSM 7-bit a per-bit packer
 * that looks characters up with {@code String.indexOf}.
 *
 * <pre>java -jar bench/jmh/target/benchmarks.jar CbsEncodeBench -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CbsEncodeBench {

    static final String ZH = "广州市气象台发布台风红色预警信号\n受台风影响，预计未来12小时内南沙区、番禺区、海珠区、黄埔区将出现"
            + "12级以上大风和特大暴雨。\n请立即停止户外活动，远离海边和低洼地带，留在安全的室内，听从政府转移安排。";
    static final String EN = "Red typhoon warning for Guangzhou\nWinds of force 12 and above and torrential rain are "
            + "expected in Nansha, Panyu, Haizhu and Huangpu within 12 hours.\nStop all outdoor activity now, keep away "
            + "from the coast and low-lying areas, stay indoors and follow evacuation orders.";
    private static final String GSM_DEFAULT =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private final CbsEncoder encoder = CbsEncoder.standard();

    @Benchmark
    public CbsEncoding encodeChineseUcs2() {
        return encoder.encode(ZH, "zh-CN");
    }

    @Benchmark
    public List<byte[]> baselineUtf16Copy() {
        byte[] all = ZH.getBytes(StandardCharsets.UTF_16BE);
        List<byte[]> pages = new ArrayList<>();
        for (int from = 0; from < all.length; from += 82) {
            byte[] page = new byte[82];
            System.arraycopy(all, from, page, 0, Math.min(82, all.length - from));
            pages.add(page);
        }
        return pages;
    }

    @Benchmark
    public CbsEncoding encodeEnglishGsm7() {
        return encoder.encode(EN, "en-US");
    }

    @Benchmark
    public List<byte[]> baselineNaiveGsm7() {
        List<byte[]> pages = new ArrayList<>();
        byte[] page = new byte[82];
        int bit = 0;
        for (int i = 0; i < EN.length(); i++) {
            if (bit + 7 > 93 * 7) {
                pages.add(page);
                page = new byte[82];
                bit = 0;
            }
            int septet = GSM_DEFAULT.indexOf(EN.charAt(i));
            for (int b = 0; b < 7; b++, bit++) {
                if ((septet >> b & 1) != 0) {
                    page[bit / 8] |= (byte) (1 << (bit % 8));
                }
            }
        }
        pages.add(page);
        return pages;
    }
}
