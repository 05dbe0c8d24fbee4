package org.lianban.notify.internal;

import java.util.List;

/** Hands one message to the carrier side. Implementations are thread-safe; the dispatcher sends in parallel. */
public interface SmsGateway {

    /** A claimed outbox row: {@code key} is the message key the gateway passes on so the far side can deduplicate. */
    record Outgoing(long id, String key, String to, String text) {}

    /** @param partIds the gateway's message id for each part, in order (one for a single SMS) */
    record Accepted(List<String> partIds) {}

    /** Thrown when the message was not accepted; {@code permanent} means retrying cannot help (e.g. bad number). */
    final class SendFailed extends Exception {
        private final boolean permanent;

        public SendFailed(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    /** Called by a gateway when a delivery receipt arrives (state as in SMPP receipts: DELIVRD, UNDELIV ...). */
    @FunctionalInterface
    interface ReceiptListener {
        void onReceipt(String gatewayMessageId, String state);
    }

    Accepted send(Outgoing sms) throws SendFailed;
}
