package io.tocsin.connector.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.util.DeliveryReceipt;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tocsin.cap.Alert;
import io.tocsin.connector.DispatchState;
import io.tocsin.connector.SendResult;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.netty.channel.Channel;
import org.joda.time.DateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Interop against an independent SMPP implementation (Cloudhopper ch-smpp as the SMSC): it decodes the
 * segments with its own GSM and UCS2 charsets, reassembles them by UDH, and answers with receipts built by its own
 * {@link DeliveryReceipt} text formatter, which the connector must parse and correlate.
 */
@Timeout(60)
class CloudhopperInteropTest {

    private DefaultSmppServer server;
    private ExecutorService executor;
    private final Map<String, List<byte[]>> segments = new ConcurrentHashMap<>();
    private final Map<String, String> reassembled = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(7000);
    private SmppConnector connector;

    @BeforeEach
    void startCloudhopper() throws Exception {
        executor = Executors.newCachedThreadPool();
        SmppServerConfiguration cfg = new SmppServerConfiguration();
        cfg.setPort(0);
        cfg.setSystemId("cloudhopper");
        cfg.setJmxEnabled(false);
        cfg.setNonBlockingSocketsEnabled(true);
        cfg.setDefaultWindowSize(64);
        server = new DefaultSmppServer(cfg, new Handler(), executor);
        server.start();
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        server.destroy();
        executor.shutdownNow();
    }

    @Test
    void chineseAlertLongerThanOneSegmentArrivesAsUcs2AndReassemblesExactly() throws Exception {
        RecordingSink sink = new RecordingSink(4, true);
        connector = connect(sink);
        Alert alert = TestAlerts.typhoon();
        String expected = connector.render(alert).get(0).text();
        assertThat(SmsSegmenter.plan(expected).segments()).isGreaterThan(1);
        assertThat(SmsSegmenter.plan(expected).encoding()).isEqualTo(SmsEncoding.UCS2);

        assertThat(connector.offer(TestAlerts.dispatch(1, alert, "8613800000001", "cmcc", "zh-CN", null)))
                .isEqualTo(SendResult.ACCEPTED);

        await().atMost(Duration.ofSeconds(20)).until(() -> reassembled.containsKey("8613800000001"));
        assertThat(reassembled.get("8613800000001")).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.last(1) == DispatchState.DELIVERED);
        assertThat(sink.saw(1, DispatchState.ACCEPTED)).isTrue();
        assertThat(sink.illegal.sum()).isZero();
    }

    @Test
    void englishAlertGoesOutAsGsm7WithExtensionCharactersAndReassemblesExactly() throws Exception {
        RecordingSink sink = new RecordingSink(4, true);
        connector = connect(sink);
        Alert alert = TestAlerts.typhoon();
        String expected = connector.render(alert).get(1).text();
        assertThat(SmsSegmenter.plan(expected).encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(SmsSegmenter.plan(expected).segments()).isGreaterThan(1);

        assertThat(connector.offer(TestAlerts.dispatch(2, alert, "8613800000002", "cmcc", "en", null)))
                .isEqualTo(SendResult.ACCEPTED);

        await().atMost(Duration.ofSeconds(20)).until(() -> reassembled.containsKey("8613800000002"));
        assertThat(reassembled.get("8613800000002")).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.last(2) == DispatchState.DELIVERED);
        assertThat(sink.illegal.sum()).isZero();
    }

    private SmppConnector connect(RecordingSink sink) throws Exception {
        int port = ((InetSocketAddress) serverChannel().getLocalAddress()).getPort();
        String json = "{\"carriers\":[{\"name\":\"cmcc\",\"binds\":[{\"host\":\"127.0.0.1\",\"port\":" + port
                + ",\"system_id\":\"tocsin\",\"password\":\"pw\",\"window\":4,\"tps\":100}]}]}";
        SmppConnector c = new SmppConnector("sms", SmppSettingsReader.read(new ObjectMapper().readTree(json), "sms"),
                sink, Clock.systemUTC());
        c.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> c.health().status().name().equals("UP"));
        return c;
    }

    private Channel serverChannel() throws Exception {
        Field f = DefaultSmppServer.class.getDeclaredField("serverChannel");
        f.setAccessible(true);
        return (Channel) f.get(server);
    }

    private final class Handler implements SmppServerHandler {
        @Override
        public void sessionBindRequested(Long id, SmppSessionConfiguration config, BaseBind request) {
        }

        @Override
        public void sessionCreated(Long id, SmppServerSession session, BaseBindResp response) {
            session.serverReady(new SessionHandler(session));
        }

        @Override
        public void sessionDestroyed(Long id, SmppServerSession session) {
            session.destroy();
        }
    }

    private final class SessionHandler extends DefaultSmppSessionHandler {
        private final SmppServerSession session;

        SessionHandler(SmppServerSession session) {
            this.session = session;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public PduResponse firePduRequestReceived(PduRequest request) {
            if (!(request instanceof SubmitSm)) {
                return request.createResponse();
            }
            SubmitSm submit = (SubmitSm) request;
            String id = Long.toString(ids.incrementAndGet());
            receive(submit);
            SubmitSmResp resp = submit.createResponse();
            resp.setMessageId(id);
            if ((submit.getRegisteredDelivery() & 0x01) != 0) {
                String destination = submit.getDestAddress().getAddress();
                executor.execute(() -> sendReceipt(id, destination));
            }
            return resp;
        }

        private void sendReceipt(String id, String destination) {
            try {
                DeliveryReceipt dr = new DeliveryReceipt(id, 1, 1, new DateTime(), new DateTime(),
                        SmppConstants.STATE_DELIVERED, 0, "");
                DeliverSm deliver = new DeliverSm();
                deliver.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
                deliver.setSourceAddress(new Address((byte) 1, (byte) 1, destination));
                deliver.setDestAddress(new Address((byte) 3, (byte) 0, "12379"));
                deliver.setShortMessage(CharsetUtil.encode(dr.toShortMessage(), CharsetUtil.CHARSET_GSM));
                session.sendRequestPdu(deliver, 5000, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Reassembles by UDH (IEI 0x00) exactly as a handset does, decoding with Cloudhopper's charsets. */
    private void receive(SubmitSm submit) {
        byte[] sm = submit.getShortMessage();
        String msisdn = submit.getDestAddress().getAddress();
        boolean udhi = (submit.getEsmClass() & SmppConstants.ESM_CLASS_UDHI_MASK) != 0;
        byte[] body = sm;
        int total = 1;
        int seq = 1;
        if (udhi) {
            int udhl = sm[0] & 0xFF;
            assertThat(sm[1]).isEqualTo((byte) 0x00);
            total = sm[4] & 0xFF;
            seq = sm[5] & 0xFF;
            body = java.util.Arrays.copyOfRange(sm, udhl + 1, sm.length);
        }
        String text = submit.getDataCoding() == SmppConstants.DATA_CODING_UCS2
                ? CharsetUtil.decode(body, CharsetUtil.CHARSET_UCS_2)
                : CharsetUtil.decode(body, CharsetUtil.CHARSET_GSM);
        List<byte[]> parts = segments.computeIfAbsent(msisdn, k -> new ArrayList<>());
        synchronized (parts) {
            while (parts.size() < total) {
                parts.add(null);
            }
            parts.set(seq - 1, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (parts.stream().allMatch(p -> p != null)) {
                StringBuilder sb = new StringBuilder();
                parts.forEach(p -> sb.append(new String(p, java.nio.charset.StandardCharsets.UTF_8)));
                reassembled.put(msisdn, sb.toString());
            }
        }
    }
}
