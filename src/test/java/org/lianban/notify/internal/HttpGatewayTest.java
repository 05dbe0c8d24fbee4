package org.lianban.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/** The HTTP gateway against a provider stub on loopback that checks the signature as a provider would. */
class HttpGatewayTest {

    static final String SECRET = "s3cret";
    static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    HttpServer server;
    final AtomicInteger answer = new AtomicInteger(200);
    final AtomicReference<String> body = new AtomicReference<>();
    final AtomicReference<Headers> headers = new AtomicReference<>();
    HttpGateway gateway;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms", exchange -> {
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            headers.set(exchange.getRequestHeaders());
            byte[] out = answer.get() == 200 ? "{\"messageId\":\"P-42\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(answer.get(), out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
        gateway = new HttpGateway(new SmsProperties.Http(url, SECRET, Duration.ofSeconds(5)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    SmsGateway.Outgoing sms() {
        return new SmsGateway.Outgoing(9, "140105-2026-000001:CaseAccepted:1", "+86 13812341234", "【联办】已受理");
    }

    @Test
    void postsSignedJsonWithTheMessageKeyAndReturnsTheProvidersId() throws Exception {
        SmsGateway.Accepted accepted = gateway.send(sms());

        assertEquals(List.of("P-42"), accepted.partIds());
        assertEquals("{\"key\":\"140105-2026-000001:CaseAccepted:1\",\"to\":\"13812341234\",\"text\":\"【联办】已受理\"}",
                body.get());
        Headers h = headers.get();
        assertEquals("140105-2026-000001:CaseAccepted:1", h.getFirst("Idempotency-Key"));
        String timestamp = h.getFirst("X-Lianban-Timestamp");
        assertEquals(Long.toString(NOW.getEpochSecond()), timestamp);
        assertEquals("sha256=" + HttpGateway.sign(SECRET, timestamp + "." + body.get()), h.getFirst("X-Lianban-Signature"));
        assertFalse(h.getFirst("X-Lianban-Signature").contains(HttpGateway.sign("other", timestamp + "." + body.get())));
    }

    @Test
    void clientErrorIsPermanentServerErrorIsRetried() {
        answer.set(400);
        assertTrue(assertThrows(SmsGateway.SendFailed.class, () -> gateway.send(sms())).permanent());
        answer.set(503);
        assertFalse(assertThrows(SmsGateway.SendFailed.class, () -> gateway.send(sms())).permanent());
        answer.set(429);
        assertFalse(assertThrows(SmsGateway.SendFailed.class, () -> gateway.send(sms())).permanent());
    }
}
