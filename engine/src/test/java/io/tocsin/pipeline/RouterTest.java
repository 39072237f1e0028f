package io.tocsin.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.connector.ChannelKind;
import io.tocsin.connector.Target;
import io.tocsin.pipeline.testing.RecordingConnector;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static ConnectorQueue queue(String name, ChannelKind kind, String carrier) {
        return new ConnectorQueue(new RecordingConnector(name, kind, r -> true, Clock.systemUTC()), carrier,
                DispatchLimits.defaults(), 0);
    }

    private static Target sms(String carrier) {
        return Target.subscriber("13800000000", carrier, "zh-CN");
    }

    @Test
    void smsGoesToItsCarriersConnectorElseToOneBoundToNoCarrierAndTheAnswerStaysRightAfterAQueueIsAdded() {
        Router router = new Router();
        ConnectorQueue cbc = queue("cbc-cmcc", ChannelKind.CELL_BROADCAST, "cmcc");
        ConnectorQueue cmcc = queue("sms-cmcc", ChannelKind.SMS, "cmcc");
        router.add(cbc);
        router.add(cmcc);

        assertThat(router.queueFor(null, sms("cmcc"))).isSameAs(cmcc);
        assertThat(router.queueFor(null, sms("cmcc"))).isSameAs(cmcc); // asked again: the same
        assertThat(router.queueFor(null, sms("ctcc"))).isNull();
        assertThat(router.queueFor(null, sms(null))).isNull();
        assertThat(router.queueFor("cbc-cmcc", sms("cmcc"))).isSameAs(cbc);

        ConnectorQueue any = queue("sms-any", ChannelKind.SMS, null);
        router.add(any);
        assertThat(router.queueFor(null, sms("ctcc"))).isSameAs(any);
        assertThat(router.queueFor(null, sms(null))).isSameAs(any);
        assertThat(router.queueFor(null, sms("cmcc"))).isSameAs(cmcc);
        assertThat(router.connectors(ChannelKind.SMS)).isEqualTo(List.of("sms-cmcc", "sms-any"));
    }
}
