package io.tocsin.sim.playout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AmcpSimulatorTest {

    @Test
    void splitsQuotedParametersWithEscapesLikeCasparCg() {
        AmcpCommand c = AmcpCommand.parse("CG 1-20 ADD 1 \"tocsin/crawl\" 1 \"<d v=\\\"a b\\\\c\\\"/>\"");
        assertThat(c.error()).isNull();
        assertThat(c.params()).containsExactly("CG", "1-20", "ADD", "1", "tocsin/crawl", "1", "<d v=\"a b\\c\"/>");
        assertThat(AmcpCommand.parse("PLAY 1-10 \"open").error()).isEqualTo("unterminated quote");
    }

    @Test
    void answersRecordsKeepsWhatIsOnAirAndFailsOnDemand() throws Exception {
        try (AmcpSimulator sim = AmcpSimulator.start(0); Socket s = new Socket("127.0.0.1", sim.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();

            assertThat(send(out, in, "CG 1-20 ADD 1 \"crawl\" 1 \"<templateData/>\"")).isEqualTo("202 CG OK");
            assertThat(send(out, in, "PLAY 1-10 \"tocsin/T-1\"")).isEqualTo("202 PLAY OK");
            assertThat(sim.onAir()).containsEntry("1-20", "crawl|<templateData/>").containsEntry("1-10", "tocsin/T-1");
            assertThat(send(out, in, "CG 1-30 UPDATE 1 \"x\"")).isEqualTo("404 CG FAILED");
            assertThat(send(out, in, "BOGUS")).isEqualTo("400 ERROR");
            sim.failNext(1, "500 PLAY FAILED");
            assertThat(send(out, in, "PLAY 1-10 \"x\"")).isEqualTo("500 PLAY FAILED");
            assertThat(send(out, in, "CG 1-20 CLEAR")).isEqualTo("202 CG OK");
            assertThat(send(out, in, "CLEAR 1-10")).isEqualTo("202 CLEAR OK");
            assertThat(sim.onAir()).isEmpty();
            sim.dropAfter(1);
            out.write("CLEAR 1\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(in.readLine()).isNull();
            assertThat(sim.commands()).hasSize(8).first().asString().startsWith("CG 1-20 ADD");
        }
    }

    private static String send(OutputStream out, BufferedReader in, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return in.readLine();
    }
}
