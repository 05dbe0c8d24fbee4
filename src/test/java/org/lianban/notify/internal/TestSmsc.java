package org.lianban.notify.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A small SMSC on loopback built with jSMPP's server API, for tests: accepts binds, records every submit_sm (with the
 * message key TLV), answers with message ids, sends a DELIVRD receipt where one was requested, and can drop links.
 */
final class TestSmsc implements ServerMessageReceiverListener, AutoCloseable {

    static final short KEY_TAG = 0x1401;

    /** One submit_sm as it arrived. */
    record Submit(String key, String dest, byte dataCoding, byte esmClass, byte registeredDelivery, byte[] payload,
            String messageId) {}

    final int port;
    final List<Submit> submits = new CopyOnWriteArrayList<>();
    final AtomicInteger binds = new AtomicInteger();
    volatile boolean sendReceipts = true;

    private final SMPPServerSessionListener listener;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(0x1000);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;

    TestSmsc() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) { // SMPPServerSessionListener(0).getPort() answers 0
            port = probe.getLocalPort();
        }
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(this);
        workers.execute(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.add(session);
                workers.execute(() -> {
                    try {
                        BindRequest bind = session.waitForBind(5000);
                        bind.accept("testsmsc");
                        binds.incrementAndGet();
                    } catch (Exception e) {
                        session.close();
                    }
                });
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    /** Closes every server-side session: the client sees its link drop. */
    void dropLinks() {
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession session) throws ProcessRequestException {
        String id = Long.toHexString(ids.incrementAndGet());
        OptionalParameter keyTlv = sm.getOptionalParameter(KEY_TAG);
        String key = keyTlv instanceof OptionalParameter.OctetString s
                ? new String(s.getValue(), StandardCharsets.US_ASCII).replace("\0", "") : null;
        submits.add(new Submit(key, sm.getDestAddress(), sm.getDataCoding(), sm.getEsmClass(),
                sm.getRegisteredDelivery(), sm.getShortMessage(), id));
        if (sendReceipts && (sm.getRegisteredDelivery() & 0x03) != 0) {
            workers.execute(() -> receipt(session, sm, id));
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (Exception e) {
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    private void receipt(SMPPServerSession session, SubmitSm sm, String id) {
        DeliveryReceipt r = new DeliveryReceipt(id, 1, 1, new Date(), new Date(), DeliveryReceiptState.DELIVRD,
                "000", "");
        try {
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                    sm.getDestAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, sm.getSourceAddr(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                    r.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            // link dropped meanwhile: a real SMSC would retry; tests that need receipts keep the link up
        }
    }

    /** Every message as the handset would show it: parts joined by (destination, UDH reference), in order. */
    Map<String, List<String>> textsByDestination() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, List<Submit>> multipart = new LinkedHashMap<>();
        for (Submit s : submits) {
            if ((s.esmClass() & 0x40) == 0) {
                out.computeIfAbsent(s.dest(), d -> new ArrayList<>())
                        .add(new String(s.payload(), StandardCharsets.UTF_16BE));
            } else {
                String group = s.dest() + "/" + (s.payload()[3] & 0xFF) + "/" + s.key();
                multipart.computeIfAbsent(group, g -> new ArrayList<>()).add(s);
            }
        }
        multipart.forEach((group, parts) -> {
            parts.sort(Comparator.comparingInt(p -> p.payload()[5] & 0xFF));
            StringBuilder text = new StringBuilder();
            for (Submit p : parts) {
                byte[] udh = p.payload();
                if (udh[0] != 5 || udh[1] != 0 || udh[2] != 3 || (udh[4] & 0xFF) != parts.size()) {
                    throw new AssertionError("bad concatenation UDH " + Arrays.toString(Arrays.copyOf(udh, 6)));
                }
                text.append(new String(udh, 6, udh.length - 6, StandardCharsets.UTF_16BE));
            }
            out.computeIfAbsent(parts.getFirst().dest(), d -> new ArrayList<>()).add(text.toString());
        });
        return out;
    }

    /** How many submit_sm arrived per message key (a part of a long message counts once per part). */
    Map<String, Long> submitsPerKey() {
        Map<String, Long> out = new LinkedHashMap<>();
        submits.forEach(s -> out.merge(s.key(), 1L, Long::sum));
        return out;
    }

    /** How many times each message key arrived as a whole message: a single SMS, or the first part of a long one. */
    Map<String, Long> messagesPerKey() {
        Map<String, Long> out = new LinkedHashMap<>();
        submits.stream().filter(s -> (s.esmClass() & 0x40) == 0 || s.payload()[5] == 1)
                .forEach(s -> out.merge(s.key(), 1L, Long::sum));
        return out;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        dropLinks();
        listener.close();
        workers.shutdownNow();
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
            SMPPServerSession source) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported();
    }

    private static ProcessRequestException unsupported() {
        return new ProcessRequestException("not supported by the test SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
