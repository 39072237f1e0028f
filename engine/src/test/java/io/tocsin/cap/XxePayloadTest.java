package io.tocsin.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.stream.XMLResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpus XXE payloads are rejected and nothing is fetched: their URLs are pointed at a local listening
 * socket that must see no connection, their file URL at a sentinel file whose content must not appear
 * anywhere in the result, and every external resolution the parser might attempt is recorded.
 */
@Timeout(30)
class XxePayloadTest {
    @TempDir
    Path dir;
    private ServerSocketChannel server;
    private final List<String> resolutions = new CopyOnWriteArrayList<>();
    private CapDecoder decoder;
    private Path sentinel;

    @BeforeEach
    void listen() throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        server.configureBlocking(false);
        sentinel = dir.resolve("sentinel.txt");
        Files.writeString(sentinel, "SENTINEL-7f3c-SECRET");
        XMLResolver observer = (publicId, systemId, baseUri, namespace) -> {
            resolutions.add(systemId);
            return null;
        };
        decoder = new CapDecoder(CapLimits.DEFAULT, observer);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private byte[] aimAtLocalTraps(String corpusPath) {
        String port = String.valueOf(server.socket().getLocalPort());
        String text = new String(CorpusFiles.read(corpusPath), StandardCharsets.UTF_8)
                .replace("localhost:8080", "127.0.0.1:" + port)
                .replace("googleusercontent.com", "127.0.0.1:" + port)
                .replace("file:///etc/passwd", sentinel.toUri().toString());
        assertThat(text).contains("127.0.0.1:" + port).contains(sentinel.toUri().toString());
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void assertNothingWasFetched(Decoded d) throws IOException {
        assertThat(resolutions).as("external resolutions attempted").isEmpty();
        assertThat(server.accept()).as("a connection reached the trap listener").isNull();
        assertThat(d.toString()).doesNotContain("SENTINEL-7f3c-SECRET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"google-cap-library/testdata/xee.cap", "google-cap-library/testdata/xee.atom"})
    void corpusXxePayloadIsRejectedWithoutAnyFetch(String path) throws IOException {
        Decoded d = decoder.decodeXml(aimAtLocalTraps(path));

        assertThat(d.ok()).isFalse();
        assertThat(d.alerts()).isEmpty();
        assertThat(d.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("XML_DOCTYPE");
            assertThat(r.message()).contains("line 3");
        });
        assertNothingWasFetched(d);
    }

    @Test
    void entityReferenceWithoutDoctypeIsAnErrorNotAFetch() throws IOException {
        String port = String.valueOf(server.socket().getLocalPort());
        String xml = "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>a&xxe;</identifier>"
                + "<note>http://127.0.0.1:" + port + "/</note></alert>";
        Decoded d = decoder.decodeXml(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(d.ok()).isFalse();
        assertThat(d.reasons()).extracting(Reason::code).containsAnyOf("XML_ENTITY", "XML_MALFORMED");
        assertNothingWasFetched(d);
    }

    @Test
    void xincludeAndSchemaLocationAreInertMarkup() throws IOException {
        String port = String.valueOf(server.socket().getLocalPort());
        String xml = "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'"
                + " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'"
                + " xsi:schemaLocation='urn:oasis:names:tc:emergency:cap:1.2 http://127.0.0.1:" + port + "/cap.xsd'>"
                + "<x xmlns:xi='http://www.w3.org/2001/XInclude'><xi:include href='" + sentinel.toUri()
                + "' parse='text'/><xi:include href='http://127.0.0.1:" + port + "/1'/></x>"
                + "<identifier>X1</identifier><sender>s@example.org</sender><sent>2026-11-29T09:30:00+08:00</sent>"
                + "<status>Actual</status><msgType>Alert</msgType><scope>Public</scope></alert>";
        Decoded d = decoder.decodeXml(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(d.ok()).isTrue();
        assertThat(d.alerts()).singleElement().extracting(Alert::identifier).isEqualTo("X1");
        assertNothingWasFetched(d);
    }
}
