package org.lianban.notify.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.lianban.common.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMPP 3.4 over jSMPP. One bound session (transceiver by default, so delivery receipts come back on the same link),
 * kept alive with enquire_link and re-bound with exponential backoff when the link drops. Chinese text goes as UCS-2
 * (data_coding 0x08); a long text as parts with a concatenation UDH (esm_class 0x40). Every submit_sm carries
 * user_message_reference and, unless {@code keyTag} is 0, the outbox message key in a vendor TLV: a resubmission
 * after a crash carries the same key, which the SMSC side (or its operator) can use to drop it.
 */
public final class SmppGateway implements SmsGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);
    private static final DataCoding UCS2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2);

    private final SmsProperties.Smpp cfg;
    private final ReceiptListener receipts;
    private final ScheduledExecutorService reconnector;
    private final AtomicBoolean reconnectScheduled = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile SMPPSession session;
    private volatile boolean closed;
    private Duration backoff;
    private long nextConnectNanos;

    public SmppGateway(SmsProperties.Smpp cfg, ReceiptListener receipts) {
        this.cfg = cfg;
        this.receipts = receipts;
        this.backoff = cfg.reconnectBackoff();
        this.reconnector = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("smpp-reconnect").factory());
    }

    /** Binds in the background, so receipts flow before the first send; a failure only schedules a retry. */
    public void start() {
        reconnector.execute(this::reconnect);
    }

    public boolean isBound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    @Override
    public Accepted send(Outgoing sms) throws SendFailed {
        SMPPSession s = session();
        List<String> parts = SmsSegments.split(sms.text());
        int ref = (int) (sms.id() & 0xFF);
        List<String> ids = new ArrayList<>(parts.size());
        try {
            for (int i = 0; i < parts.size(); i++) {
                boolean single = parts.size() == 1;
                byte[] payload = single ? SmsSegments.ucs2(parts.get(i))
                        : SmsSegments.withUdh(ref, parts.size(), i + 1, parts.get(i));
                ids.add(s.submitShortMessage(cfg.systemType(),
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, cfg.sourceAddr(),
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "86" + PhoneNumbers.normalize(sms.to()),
                        new ESMClass(single ? 0 : 0x40), (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(cfg.requestReceipts() ? SMSCDeliveryReceipt.SUCCESS_FAILURE
                                : SMSCDeliveryReceipt.DEFAULT),
                        (byte) 0, UCS2, (byte) 0, payload, tlvs(sms)).getMessageId());
            }
        } catch (NegativeResponseException e) {
            int st = e.getCommandStatus();
            boolean permanent = st == SMPPConstant.STAT_ESME_RINVDSTADR || st == SMPPConstant.STAT_ESME_RINVMSGLEN;
            throw new SendFailed("SMSC refused submit_sm: status 0x" + Integer.toHexString(st), permanent, e);
        } catch (ResponseTimeoutException e) {
            // outcome unknown: the SMSC may have taken it; the retry carries the same key
            throw new SendFailed("no submit_sm_resp within " + cfg.responseTimeout(), false, e);
        } catch (PDUException e) {
            throw new SendFailed("cannot encode submit_sm: " + e.getMessage(), true, e);
        } catch (InvalidResponseException | IOException | RuntimeException e) {
            dropSession(s);
            throw new SendFailed("SMPP link failed: " + e.getMessage(), false, e);
        }
        return new Accepted(ids);
    }

    private OptionalParameter[] tlvs(Outgoing sms) {
        OptionalParameter ref = new OptionalParameter.Short(OptionalParameter.Tag.USER_MESSAGE_REFERENCE,
                (short) sms.id());
        if (cfg.keyTag() == 0) {
            return new OptionalParameter[] {ref};
        }
        return new OptionalParameter[] {ref, new OptionalParameter.COctetString((short) cfg.keyTag(), sms.key())};
    }

    private SMPPSession session() throws SendFailed {
        SMPPSession s = session;
        if (s != null && s.getSessionState().isBound()) {
            return s;
        }
        synchronized (lock) {
            s = session;
            if (s != null && s.getSessionState().isBound()) {
                return s;
            }
            if (closed) {
                throw new SendFailed("SMPP gateway closed", false, null);
            }
            if (System.nanoTime() < nextConnectNanos) {
                throw new SendFailed("SMPP link down, reconnecting", false, null);
            }
            try {
                return bind();
            } catch (IOException e) {
                throw new SendFailed("cannot bind to the SMSC: " + e.getMessage(), false, e);
            }
        }
    }

    /** Under {@link #lock}: a new bound session, or the next attempt pushed back by the doubled backoff. */
    private SMPPSession bind() throws IOException {
        SMPPSession s = new SMPPSession(SmppGateway::connect);
        s.setEnquireLinkTimer((int) cfg.enquireLink().toMillis());
        s.setTransactionTimer(cfg.responseTimeout().toMillis());
        BindType type = "TRANSMITTER".equalsIgnoreCase(cfg.bindType()) ? BindType.BIND_TX : BindType.BIND_TRX;
        if (type == BindType.BIND_TRX) {
            s.setMessageReceiverListener(new Receipts());
        }
        s.addSessionStateListener((now, before, source) -> {
            if (!closed && !now.isNotClosed() && source == session) {
                log.warn("SMPP link to {}:{} lost; reconnecting", cfg.host(), cfg.port());
                scheduleReconnect();
            }
        });
        try {
            s.connectAndBind(cfg.host(), cfg.port(), new BindParameter(type, cfg.systemId(), cfg.password(),
                    cfg.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        } catch (IOException e) {
            s.close();
            nextConnectNanos = System.nanoTime() + backoff.toNanos();
            log.warn("SMPP bind to {}:{} failed ({}); next try in {}", cfg.host(), cfg.port(), e.getMessage(), backoff);
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(cfg.maxReconnectBackoff()) > 0 ? cfg.maxReconnectBackoff() : doubled;
            scheduleReconnect();
            throw e;
        }
        backoff = cfg.reconnectBackoff();
        nextConnectNanos = 0;
        session = s;
        log.info("SMPP bound to {}:{} as {}", cfg.host(), cfg.port(), type);
        return s;
    }

    /**
     * TCP_NODELAY: PDUs are small and go both ways (submit_sm out, deliver_sm receipts in); without it a submit_sm
     * written right after a deliver_sm_resp waits for the SMSC's delayed ACK (Nagle), tens of milliseconds.
     */
    private static Connection connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            return new SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private void scheduleReconnect() {
        if (!closed && reconnectScheduled.compareAndSet(false, true)) {
            long delay = Math.max(0, nextConnectNanos - System.nanoTime());
            reconnector.schedule(this::reconnect, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void reconnect() {
        reconnectScheduled.set(false);
        synchronized (lock) {
            if (closed || isBound()) {
                return;
            }
            try {
                bind();
            } catch (IOException e) {
                // bind() scheduled the next attempt
            }
        }
    }

    private void dropSession(SMPPSession s) {
        synchronized (lock) {
            if (session == s) {
                session = null;
            }
        }
        s.close();
        scheduleReconnect();
    }

    @Override
    public void close() {
        closed = true;
        reconnector.shutdownNow();
        SMPPSession s = session;
        if (s != null) {
            s.unbindAndClose();
        }
    }

    /** deliver_sm from the SMSC: delivery receipts update the outbox; anything else is acknowledged and ignored. */
    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                return;
            }
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                OptionalParameter.COctetString receipted = deliverSm.getOptionalParameter(
                        OptionalParameter.Receipted_message_id.class);
                String id = receipted != null ? receipted.getValueAsString() : receipt.getId();
                receipts.onReceipt(id, receipt.getFinalStatus().name());
            } catch (InvalidDeliveryReceiptException e) {
                log.warn("unreadable delivery receipt ignored: {}", e.getMessage());
            } catch (RuntimeException e) {
                // e.g. the database is down: a non-OK deliver_sm_resp makes the SMSC deliver the receipt again
                log.warn("delivery receipt not recorded, SMSC will retry", e);
                throw new ProcessRequestException("receipt not recorded", SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {}

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
