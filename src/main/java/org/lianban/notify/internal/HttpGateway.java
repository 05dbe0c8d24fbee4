package org.lianban.notify.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.lianban.common.PhoneNumbers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generic SMS provider HTTP API: {@code POST url} with JSON {@code {key, to, text}}; headers
 * {@code Idempotency-Key} (the message key, so the provider can drop a resubmission), {@code X-Lianban-Timestamp}
 * (epoch seconds) and {@code X-Lianban-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}.
 * A 2xx answer may carry {@code messageId}; 4xx (except 408/429) is permanent; anything else is retried.
 */
final class HttpGateway implements SmsGateway {

    private final SmsProperties.Http cfg;
    private final Clock clock;
    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    HttpGateway(SmsProperties.Http cfg, Clock clock) {
        if (cfg.url() == null || cfg.url().toString().isBlank() || cfg.secret().isBlank()) {
            throw new IllegalStateException("lianban.sms.gateway=http needs lianban.sms.http.url and lianban.sms.http.secret");
        }
        this.cfg = cfg;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(cfg.timeout()).build();
    }

    @Override
    public Accepted send(Outgoing sms) throws SendFailed {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("key", sms.key());
        payload.put("to", PhoneNumbers.normalize(sms.to()));
        payload.put("text", sms.text());
        String body = json.writeValueAsString(payload);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(cfg.url()).timeout(cfg.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", sms.key())
                .header("X-Lianban-Timestamp", timestamp)
                .header("X-Lianban-Signature", "sha256=" + sign(cfg.secret(), timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SendFailed("SMS provider unreachable: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed("interrupted", false, e);
        }
        int code = response.statusCode();
        if (code / 100 == 2) {
            String id = "http-" + sms.id();
            if (!response.body().isBlank()) {
                JsonNode node = json.readTree(response.body()).get("messageId");
                if (node != null && !node.isNull()) {
                    id = node.asString();
                }
            }
            return new Accepted(List.of(id));
        }
        boolean permanent = code / 100 == 4 && code != 408 && code != 429;
        throw new SendFailed("SMS provider answered " + code, permanent, null);
    }

    static String sign(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
