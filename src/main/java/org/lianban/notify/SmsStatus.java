package org.lianban.notify;

/** Where an SMS is in the outbox: PENDING, being sent (SENDING, claimed by one node), SENT to the gateway, DELIVERED
 * to the handset (delivery receipt), or FAILED (retries exhausted, a permanent error or a failure receipt). */
public enum SmsStatus {
    PENDING, SENDING, SENT, DELIVERED, FAILED
}
