#include "SipFixture.h"
#include "emulator/LoopbackCertificate.h"
#include "flow/FlowTemplates.h"
#include "flow/SimulationReport.h"
#include "flow/Simulator.h"
#include "project/Project.h"
#include "project/SimulationSetup.h"
#include "sip/SipEndpoint.h"
#include "sip/SipSender.h"
#include "sip/SipTransferBackend.h"

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QSslError>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace sipfixture;

namespace {

constexpr int kProcessMs = 30000; // every peer process is bounded; SIPp also has -timeout

quint16 freePort(bool tcp) {
    if (tcp) {
        QTcpServer server;
        return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
    }
    QUdpSocket socket;
    return socket.bind(QHostAddress::LocalHost, 0) ? socket.localPort() : 0;
}

// A port free for both UDP and TCP (SIPp listens on both for -t t1).
quint16 freePortBoth() {
    for (int i = 0; i < 20; ++i) {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0)) {
            continue;
        }
        QUdpSocket udp;
        if (udp.bind(QHostAddress::LocalHost, server.serverPort())) {
            return server.serverPort();
        }
    }
    return 0;
}

// Waits (bounded) until a peer process has bound the UDP port: our own bind then fails. A datagram sent before would
// draw an ICMP port-unreachable, which the SIP stack rightly takes as a transport failure.
bool waitForUdpListener(quint16 port) {
    for (int i = 0; i < 100; ++i) {
        QUdpSocket probe;
        if (!probe.bind(QHostAddress::LocalHost, port)) {
            return true;
        }
        probe.close();
        QTest::qWait(50);
    }
    return false;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// The INVITE the flow simulator renders for the sip-transfer template with the project defaults.
flow::SipInvite simulatedInvite(const Clock& clock) {
    project::Project p = project::Project::defaults();
    p.org.orgId = kOrgId;
    p.org.scrt2Domain = kDomain;
    p.org.callCenterApiName = kCallCenter;
    p.uui.includeCallId = false; // the template passes the voiceCalls answer's 15-character id (UUI025)
    flow::TemplateOptions options;
    options.salesforceOrgId = kOrgId;
    options.callCenterApiName = kCallCenter;
    p.flow = *flow::flowTemplate(u"sip-transfer"_s, options);
    flow::Simulator simulator(p.flow, project::simulationContext(p), clock);
    const flow::Trace trace = simulator.run({});
    auto invite = sip::transferInvite(trace);
    return invite ? *invite : flow::SipInvite();
}

QByteArray uuiLineOf(const flow::SipInvite& invite) {
    for (const QString& h : invite.headers) {
        if (h.startsWith(u"User-to-User:"_s)) {
            return h.toLatin1();
        }
    }
    return {};
}

// SIPp scenarios. Response templates copy the request's headers ([last_*]); keywords in brackets are SIPp's.
const QByteArray kUas = R"(<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="uas answers 200">
  <recv request="INVITE"/>
  <send><![CDATA[
SIP/2.0 100 Trying
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:];tag=sipp[call_number]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
Content-Type: application/sdp
Content-Length: [len]

v=0
o=sipp 1 1 IN IP4 [local_ip]
s=-
c=IN IP4 [local_ip]
t=0 0
m=audio 6000 RTP/SAVP 0
a=rtpmap:0 PCMU/8000
a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVzcyA
]]></send>
  <recv request="ACK"/>
  <recv request="BYE"/>
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
</scenario>
)";

// Rings and never answers: the sender must CANCEL; then 200 for the CANCEL and 487 for the INVITE.
const QByteArray kUasRingsForever = R"(<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="uas rings">
  <recv request="INVITE"/>
  <send><![CDATA[
SIP/2.0 180 Ringing
[last_Via:]
[last_From:]
[last_To:];tag=sipp[call_number]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
  <recv request="CANCEL"/>
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:];tag=sipp[call_number]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
  <send><![CDATA[
SIP/2.0 487 Request Terminated
[last_Via:]
[last_From:]
[last_To:];tag=sipp[call_number]
[last_Call-ID:]
CSeq: 1 INVITE
Content-Length: 0

]]></send>
  <recv request="ACK"/>
</scenario>
)";

// A UAC scenario sending one INVITE with the given extra header lines and expecting `status`, whose Warning header
// must match `warning` (a regular expression; empty = not checked).
QByteArray uacScenario(const QList<QByteArray>& headers, int status, const QByteArray& warning, bool srtp = true) {
    QByteArray extra;
    for (const QByteArray& h : headers) {
        extra += h + '\n';
    }
    QByteArray out = R"(<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="uac">
  <send><![CDATA[
INVITE sip:agentforce@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:+14155550100@[local_ip]>;tag=uac[call_number]
To: <sip:agentforce@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 INVITE
Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
Max-Forwards: 70
)";
    out += extra;
    out += R"(Content-Type: application/sdp
Content-Length: [len]

)";
    out += sdp(srtp).replace("\r\n", "\n");
    out += "]]></send>\n  <recv response=\"100\" optional=\"true\"/>\n";
    out += "  <recv response=\"" + QByteArray::number(status) + "\">\n";
    QByteArray actions;
    if (!warning.isEmpty()) {
        // The whole message (the warn-agent text is only in Warning headers): a stack may write several Warning
        // values on one line or on several.
        actions += "      <ereg regexp=\"399 handoff-standin &quot;(" + warning +
                   ") \" search_in=\"msg\" check_it=\"true\" assign_to=\"w\"/>\n";
    }
    if (status == 200) {
        actions += "      <ereg regexp=\"m=audio [0-9]+ RTP/S?AVP 0\" search_in=\"body\" check_it=\"true\" "
                   "assign_to=\"m\"/>\n";
    }
    if (!actions.isEmpty()) {
        out += "    <action>\n" + actions + "    </action>\n";
    }
    out += "  </recv>\n";
    if (status == 200) {
        out += R"(  <send><![CDATA[
ACK sip:agentforce@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:+14155550100@[local_ip]>;tag=uac[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0

]]></send>
  <send><![CDATA[
BYE sip:agentforce@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:+14155550100@[local_ip]>;tag=uac[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: 2 BYE
Max-Forwards: 70
Content-Length: 0

]]></send>
  <recv response="200"/>
)";
    } else {
        // The ACK of a non-2xx answer belongs to the INVITE transaction: the INVITE's Via (branch), the answer's To.
        out += R"(  <send><![CDATA[
ACK sip:agentforce@[remote_ip]:[remote_port] SIP/2.0
[last_Via:]
From: <sip:+14155550100@[local_ip]>;tag=uac[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0

]]></send>
)";
    }
    QByteArray refs;
    if (!warning.isEmpty()) {
        refs += "w";
    }
    if (status == 200) {
        refs += refs.isEmpty() ? "m" : ",m";
    }
    if (!refs.isEmpty()) {
        out += "  <Reference variables=\"" + refs + "\"/>\n";
    }
    out += "</scenario>\n";
    return out;
}

} // namespace

class TestSipWire final : public QObject {
    Q_OBJECT

private:
    FixedClock m_clock = FixedClock::atSecs(kNow);
    QString m_sipp;
    QString m_python;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_tlsPeers = 0;

    // Python's ssl server with a certificate of the emulator's kind (SAN IP:127.0.0.1), made now: the verification
    // uses the real time.
    struct TlsPeer {
        QProcess python;
        QString port;
        QString received;
        QString certificate;
    };
    void startTlsPeer(TlsPeer& peer, const QString& certificate, const QString& key) {
        const QString portFile = m_dir->filePath(u"port-%1"_s.arg(++m_tlsPeers));
        peer.received = m_dir->filePath(u"received-%1.bin"_s.arg(m_tlsPeers));
        peer.certificate = certificate;
        peer.python.start(m_python, {QStringLiteral(HANDOFF_SIP_TEST_DIR "/tls_peer.py"), u"server"_s, portFile,
                                     certificate, key, peer.received});
        QVERIFY(peer.python.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(portFile), 10000);
        peer.port = QString::fromLatin1(readAll(portFile)).trimmed();
        // The peer takes connections before the test goes on (a plain connection it skips): a refusal later is then
        // the sender's, not a peer that was not there yet.
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, peer.port.toUShort());
        QVERIFY2(probe.waitForConnected(10000),
                 qPrintable(u"the TLS peer on port %1 takes no connection: %2; its stderr: %3"_s.arg(
                     peer.port, probe.errorString(), QString::fromUtf8(peer.python.readAllStandardError()))));
        probe.disconnectFromHost();
    }
    // For a failure message: whether the peer still runs, or how it ended, and what it wrote to stderr (QProcess
    // reads its pipes only when asked or in an event loop, so wait briefly for it first).
    static QString peerState(TlsPeer& peer) {
        const bool ended = peer.python.state() != QProcess::Running || peer.python.waitForFinished(500);
        const QString err = QString::fromUtf8(peer.python.readAllStandardError()).trimmed();
        return (ended ? u"ended, exit code %1"_s.arg(peer.python.exitCode()) : u"still running"_s) + u"; stderr: "_s +
               (err.isEmpty() ? u"(none)"_s : err);
    }
    void loopbackIdentity(QString& certificate, QString& key) {
        const SystemClock now;
        const auto identity = emulator::LoopbackCertificate::generate(now);
        QVERIFY(identity.has_value());
        certificate = m_dir->filePath(u"loopback.crt.pem"_s);
        key = m_dir->filePath(u"loopback.key.pem"_s);
        QVERIFY(writeAll(certificate, identity->certificatePem));
        QVERIFY(writeAll(key, identity->privateKeyPem));
    }

    // Runs SIPp with `args` (bounded), returns its exit code; its screen output goes to the test log on failure.
    int runSipp(QProcess& process) {
        if (!process.waitForFinished(kProcessMs)) {
            process.kill();
            process.waitForFinished(5000);
            qWarning("SIPp did not finish in time");
            return -1;
        }
        if (process.exitCode() != 0) {
            qWarning("SIPp exit %d:\n%s\n%s", process.exitCode(),
                     process.readAllStandardOutput().right(3000).constData(),
                     process.readAllStandardError().right(3000).constData());
        }
        return process.exitCode();
    }

    void startSipp(QProcess& process, const QStringList& args) {
        process.setProgram(m_sipp);
        process.setArguments(args);
        process.setWorkingDirectory(m_dir->path());
        process.start();
    }

    bool requireTool(QString& path, const char* name) {
        path = QStandardPaths::findExecutable(QString::fromLatin1(name));
        return !path.isEmpty();
    }

private Q_SLOTS:
    void initTestCase() {
        // CI installs them (scripts/install-deps.sh: sip-tester, python3); elsewhere a missing tool skips.
        if (!requireTool(m_sipp, "sipp") || !requireTool(m_python, "python3")) {
            if (qEnvironmentVariableIsSet("CI")) {
                QFAIL("sipp (sip-tester) and python3 are needed; scripts/install-deps.sh installs them");
            }
            QSKIP("sipp (Debian sip-tester) or python3 is not installed");
        }
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    // The sender's INVITE reaches SIPp byte for byte (the whole message as SIPp logged it, and so the User-to-User
    // header the simulator rendered), and the transaction runs: 100, 200, ACK, BYE, 200.
    void senderToSippUas_data() {
        QTest::addColumn<QString>("transport");
        QTest::newRow("udp (forced)") << u"udp"_s;
        QTest::newRow("tcp (over 1,300 bytes)") << u"auto"_s;
    }
    void senderToSippUas() {
        QFETCH(QString, transport);
        const flow::SipInvite invite = simulatedInvite(m_clock);
        const QByteArray uuiLine = uuiLineOf(invite);
        QVERIFY(!uuiLine.isEmpty());
        const bool tcp = transport != u"udp"_s;
        const quint16 port = tcp ? freePortBoth() : freePort(false);
        QVERIFY(port != 0);
        QVERIFY(writeAll(m_dir->filePath(u"uas.xml"_s), kUas));
        const QString log = m_dir->filePath(u"messages.log"_s);
        QProcess sipp;
        startSipp(sipp, {u"-sf"_s, u"uas.xml"_s, u"-i"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(port), u"-t"_s,
                         tcp ? u"t1"_s : u"u1"_s, u"-m"_s, u"1"_s, u"-timeout"_s, u"20s"_s, u"-timeout_error"_s,
                         u"-nostdin"_s, u"-trace_msg"_s, u"-message_file"_s, log});
        QVERIFY(sipp.waitForStarted(5000));
        if (!tcp) {
            QVERIFY(waitForUdpListener(port));
        } else {
            // Wait until SIPp accepts connections (bounded), so the INVITE is not refused.
            bool up = false;
            for (int i = 0; i < 100 && !up; ++i) {
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, port);
                up = probe.waitForConnected(100);
                if (!up) {
                    QTest::qWait(50);
                }
            }
            QVERIFY(up);
        }
        sip::SendOptions options;
        options.to = u"sip:agentforce@127.0.0.1:%1"_s.arg(port);
        options.transport = *sip::transportFromKey(transport);
        auto report = sip::sendInvite(invite, options);
        QVERIFY2(report.has_value(), report ? "" : qPrintable(report.error().message));
        QCOMPARE(runSipp(sipp), 0);
        QCOMPARE(report->transport, tcp ? u"tcp"_s : u"udp"_s);
        QVERIFY(report->size > sip::kUdpSizeLimit); // so "auto" had to choose TCP
        QCOMPARE(report->final.status, 200);
        QVERIFY(report->answered);
        QVERIFY(!report->provisional.isEmpty());
        QCOMPARE(report->provisional.constFirst().status, 100);
        QVERIFY(report->acked);
        QCOMPARE(report->byeStatus, 200);
        // Byte for byte: the INVITE as sent is in SIPp's log whole, with the simulator's User-to-User line in it.
        const QByteArray logged = readAll(log);
        QVERIFY2(logged.contains(report->sent), logged.left(400).constData());
        QVERIFY(report->sent.contains(QByteArray("\r\n" + uuiLine + "\r\n")));
        QVERIFY(logged.contains(QByteArray("\r\n" + uuiLine + "\r\n")));
        QVERIFY(report->sent.contains("m=audio 49170 RTP/SAVP 0\r\n"));
        QVERIFY(report->sent.contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"));
    }

    // No final answer in time after a provisional one: CANCEL, 200 for it, 487 for the INVITE (ACKed by the stack).
    void senderCancelsOnTimeout() {
        const quint16 port = freePort(false);
        QVERIFY(writeAll(m_dir->filePath(u"rings.xml"_s), kUasRingsForever));
        QProcess sipp;
        startSipp(sipp, {u"-sf"_s, u"rings.xml"_s, u"-i"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(port), u"-t"_s,
                         u"u1"_s, u"-m"_s, u"1"_s, u"-timeout"_s, u"20s"_s, u"-timeout_error"_s, u"-nostdin"_s});
        QVERIFY(sipp.waitForStarted(5000));
        QVERIFY(waitForUdpListener(port));
        sip::SendOptions options;
        options.to = u"sip:agentforce@127.0.0.1:%1"_s.arg(port);
        options.transport = sip::Transport::Udp;
        options.timeoutMs = 1500;
        auto report = sip::sendInvite(simulatedInvite(m_clock), options);
        QVERIFY(report.has_value());
        QCOMPARE(runSipp(sipp), 0);
        QVERIFY(report->cancelled);
        QCOMPARE(report->cancelStatus, 200);
        QCOMPARE(report->final.status, 487);
        QVERIFY(!report->byeSent);
    }

    // A peer that never answers: no provisional, so no CANCEL (RFC 3261 §9.1); the sender gives up in time.
    void senderGivesUpOnSilentPeer() {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        sip::SendOptions options;
        options.to = u"sip:agentforce@127.0.0.1:%1"_s.arg(silent.localPort());
        options.transport = sip::Transport::Udp;
        options.timeoutMs = 1200;
        auto report = sip::sendInvite(simulatedInvite(m_clock), options);
        QVERIFY(report.has_value());
        QCOMPARE(report->final.status, 0);
        QVERIFY(!report->answered);
        QVERIFY(!report->cancelled);
        QVERIFY(!report->notes.isEmpty());
        QVERIFY(silent.hasPendingDatagrams()); // it did go out
    }

    // The simulator's TransferBackend over real SIP, against the in-process stand-in: the simulator's own INVITE
    // (its stand-in token has a signature of the right length that verifies against nothing) is refused, the same
    // INVITE with a UUI signed by the registered key accepted.
    void transferBackendAgainstTheStandIn() {
        sip::SipEndpoint standIn(m_clock);
        standIn.setContext(context());
        QVERIFY(standIn.listen(0).has_value());
        sip::SendOptions options;
        options.to = u"sip:agentforce@127.0.0.1:%1"_s.arg(standIn.port());
        sip::SipTransferBackend backend(options);
        flow::SipInvite invite = simulatedInvite(m_clock);
        const flow::TransferAnswer refused = backend.transfer(invite);
        QVERIFY(!refused.accepted);
        QVERIFY2(refused.sipStatus == 403, qPrintable(refused.notes.join(u" | "_s)));
        QCOMPARE(refused.reason, u"Token Signature Invalid"_s);
        QVERIFY(refused.notes.join(u'\n').contains(u"RSIP015"_s));
        QVERIFY(refused.sent.startsWith("INVITE sip:agentforce@127.0.0.1:"));
        QVERIFY(refused.received.startsWith("SIP/2.0 403 Token Signature Invalid\r\n"));
        QVERIFY(backend.lastReport().has_value());

        const QByteArray good = headerLine(model(uuiToken(kNow - 60), id18(kVoiceCall15)));
        for (QString& h : invite.headers) {
            if (h.startsWith(u"User-to-User:"_s)) {
                h = QString::fromLatin1(good);
            }
        }
        const flow::TransferAnswer accepted = backend.transfer(invite);
        QVERIFY2(accepted.accepted, qPrintable(accepted.notes.join(u" | "_s)));
        QCOMPARE(accepted.sipStatus, 200);
        QVERIFY(accepted.sent.contains(QByteArray("\r\n" + good + "\r\n")));
        QCOMPARE(backend.lastReport()->byeStatus, 200);
        standIn.close();
        // The stand-in listed both INVITEs, and the BYE.
        const QList<sip::ReceivedRequest> received = standIn.received();
        QCOMPARE(std::count_if(received.cbegin(), received.cend(),
                               [](const sip::ReceivedRequest& r) { return r.method == u"INVITE"_s; }),
                 2);
        QVERIFY(std::any_of(received.cbegin(), received.cend(),
                            [](const sip::ReceivedRequest& r) { return r.method == u"BYE"_s && r.status == 200; }));
    }

    void senderRefusesABadAddress() {
        sip::SendOptions options;
        options.to = u"agentforce@127.0.0.1"_s;
        auto report = sip::sendInvite(simulatedInvite(m_clock), options);
        QVERIFY(!report);
        QCOMPARE(report.error().code, u"RSIP002"_s);
    }

    // SIPp as UAC: each INVITE answered as specified (status and the Warning header's code).
    void sippToStandIn_data() {
        QTest::addColumn<QList<QByteArray>>("headers");
        QTest::addColumn<QString>("transport");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("warning");
        QTest::addColumn<bool>("srtp");
        const QByteArray good = headerLine(model(uuiToken(kNow - 60), id18(kVoiceCall15)));
        QTest::newRow("good (tcp)") << QList<QByteArray>{good} << u"t1"_s << 200 << QByteArray() << true;
        QTest::newRow("good (udp), no SRTP: a warning")
            << QList<QByteArray>{good} << u"u1"_s << 200 << QByteArray("RSIP018") << false;
        QTest::newRow("expired token") << QList<QByteArray>{headerLine(
                                              model(uuiToken(kNow - 2 * 86400, 3600), id18(kVoiceCall15)))}
                                       << u"t1"_s << 403 << QByteArray("UUI022|JWT010") << true;
        QTest::newRow("15-character callId") << QList<QByteArray>{headerLine(model(uuiToken(kNow - 60), kVoiceCall15))}
                                             << u"t1"_s << 400 << QByteArray("UUI025") << true;
        QTest::newRow("unknown VoiceCall")
            << QList<QByteArray>{headerLine(model(uuiToken(kNow - 60), id18(kOtherVoiceCall15)))} << u"t1"_s << 404
            << QByteArray("RSIP016") << true;
        QTest::newRow("no UUI") << QList<QByteArray>{} << u"u1"_s << 403 << QByteArray("RSIP010") << true;
        uui::UuiModel big = model(uuiToken(kNow - 60), id18(kVoiceCall15));
        big.transactionId = QString(700, u'x');
        QTest::newRow("oversized header")
            << QList<QByteArray>{headerLine(big)} << u"t1"_s << 400 << QByteArray("RSIP014") << true;
        QTest::newRow("duplicated User-to-User")
            << QList<QByteArray>{good, good} << u"t1"_s << 400 << QByteArray("RSIP011") << true;
        QTest::newRow("non-hex under encoding=hex")
            << QList<QByteArray>{"User-to-User: 047b22zz7d;encoding=hex;purpose=isdn-uui;content=isdn-uui"} << u"u1"_s
            << 400 << QByteArray("RSIP012") << true;
        QTest::newRow("bytes 128-255")
            << QList<QByteArray>{"User-to-User: 047b2278223a22c3a9227d;encoding=hex;purpose=isdn-uui;content=isdn-uui"}
            << u"u1"_s << 400 << QByteArray("RSIP013") << true;
    }
    void sippToStandIn() {
        QFETCH(QList<QByteArray>, headers);
        QFETCH(QString, transport);
        QFETCH(int, status);
        QFETCH(QByteArray, warning);
        QFETCH(bool, srtp);
        sip::SipEndpoint standIn(m_clock);
        standIn.setContext(context());
        auto listening = standIn.listen(0);
        QVERIFY2(listening.has_value(), listening ? "" : qPrintable(listening.error().message));
        QVERIFY(writeAll(m_dir->filePath(u"uac.xml"_s), uacScenario(headers, status, warning, srtp)));
        QProcess sipp;
        startSipp(sipp, {u"127.0.0.1:%1"_s.arg(standIn.port()),
                         u"-sf"_s,
                         u"uac.xml"_s,
                         u"-i"_s,
                         u"127.0.0.1"_s,
                         u"-p"_s,
                         QString::number(transport == u"t1"_s ? freePortBoth() : freePort(false)),
                         u"-t"_s,
                         transport,
                         u"-m"_s,
                         u"1"_s,
                         u"-timeout"_s,
                         u"20s"_s,
                         u"-timeout_error"_s,
                         u"-nostdin"_s,
                         u"-recv_timeout"_s,
                         u"8000"_s,
                         u"-trace_err"_s,
                         u"-error_file"_s,
                         m_dir->filePath(u"errors.log"_s)});
        QVERIFY(sipp.waitForStarted(5000));
        const int exit = runSipp(sipp);
        if (exit != 0) {
            qWarning("SIPp errors: %s", readAll(m_dir->filePath(u"errors.log"_s)).right(3000).constData());
        }
        QCOMPARE(exit, 0);
        // What the stand-in lists as received.
        const QList<sip::ReceivedRequest> received = standIn.received();
        const auto invite = std::find_if(received.cbegin(), received.cend(),
                                         [](const sip::ReceivedRequest& r) { return r.method == u"INVITE"_s; });
        QVERIFY(invite != received.cend());
        QCOMPARE(invite->status, status);
        QCOMPARE(invite->transport, transport == u"t1"_s ? u"tcp"_s : u"udp"_s);
        QVERIFY(invite->request.startsWith("INVITE sip:agentforce@127.0.0.1:"));
        for (const QByteArray& h : headers) {
            QVERIFY(invite->request.contains(QByteArray(h + "\r\n")));
        }
        standIn.close();
    }

    // Malformed SIP does not stop the stand-in: garbage, then a good INVITE answered 200.
    void standInKeepsServingAfterMalformedSip() {
        sip::SipEndpoint standIn(m_clock);
        standIn.setContext(context());
        QVERIFY(standIn.listen(0).has_value());
        QUdpSocket garbage;
        for (const QByteArray& junk : {QByteArray("\x01\x02\x03 not sip at all\r\n\r\n"),
                                       QByteArray("INVITE sip:x SIP/2.0\r\nVia: nonsense\r\nCSeq: x\r\n\r\n")}) {
            QCOMPARE(garbage.writeDatagram(junk, QHostAddress::LocalHost, standIn.port()), junk.size());
        }
        QTcpSocket tcpGarbage;
        tcpGarbage.connectToHost(QHostAddress::LocalHost, standIn.port());
        QVERIFY(tcpGarbage.waitForConnected(5000));
        tcpGarbage.write("GARBAGE / SIP/2.0\r\nContent-Length: nope\r\n\r\n");
        QVERIFY(tcpGarbage.waitForBytesWritten(5000));
        const QByteArray good = headerLine(model(uuiToken(kNow - 60), id18(kVoiceCall15)));
        QVERIFY(writeAll(m_dir->filePath(u"uac.xml"_s), uacScenario({good}, 200, {})));
        QProcess sipp;
        startSipp(sipp, {u"127.0.0.1:%1"_s.arg(standIn.port()), u"-sf"_s, u"uac.xml"_s, u"-i"_s, u"127.0.0.1"_s,
                         u"-p"_s, QString::number(freePort(false)), u"-t"_s, u"u1"_s, u"-m"_s, u"1"_s, u"-timeout"_s,
                         u"20s"_s, u"-timeout_error"_s, u"-nostdin"_s, u"-recv_timeout"_s, u"8000"_s});
        QVERIFY(sipp.waitForStarted(5000));
        QCOMPARE(runSipp(sipp), 0);
    }

    // TLS against Python's ssl module: its client to the stand-in (good 200, no UUI 403), the sender to its server.
    void standInOverTls_data() {
        QTest::addColumn<bool>("withUui");
        QTest::addColumn<QString>("statusLine");
        QTest::newRow("good") << true << u"SIP/2.0 200 OK"_s;
        QTest::newRow("no UUI") << false << u"SIP/2.0 403 No UUI"_s;
    }
    void standInOverTls() {
        QFETCH(bool, withUui);
        QFETCH(QString, statusLine);
        const auto identity = emulator::LoopbackCertificate::generate(m_clock);
        QVERIFY(identity.has_value());
        sip::SipEndpoint standIn(m_clock);
        standIn.setContext(context());
        standIn.setTlsIdentity(identity->certificatePem, identity->privateKeyPem, 0);
        auto listening = standIn.listen(0);
        QVERIFY2(listening.has_value(), listening ? "" : qPrintable(listening.error().message));
        QVERIFY(standIn.tlsPort() != 0);
        const QByteArray body = sdp();
        QByteArray invite = "INVITE sip:agentforce@127.0.0.1:" + QByteArray::number(standIn.tlsPort()) +
                            " SIP/2.0\r\nVia: SIP/2.0/TLS 127.0.0.1:LOCALPORT;branch=z9hG4bKtls1\r\n"
                            "From: <sip:+14155550100@127.0.0.1>;tag=py1\r\nTo: <sip:agentforce@127.0.0.1>\r\n"
                            "Call-ID: tls-test-1@127.0.0.1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                            "Contact: <sip:py@127.0.0.1:LOCALPORT;transport=tls>\r\n";
        if (withUui) {
            invite += headerLine(model(uuiToken(kNow - 60), id18(kVoiceCall15))) + "\r\n";
        }
        invite +=
            "Content-Type: application/sdp\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        QVERIFY(writeAll(m_dir->filePath(u"invite.txt"_s), invite));
        QProcess python;
        python.start(m_python, {QStringLiteral(HANDOFF_SIP_TEST_DIR "/tls_peer.py"), u"client"_s,
                                QString::number(standIn.tlsPort()), m_dir->filePath(u"invite.txt"_s)});
        QVERIFY(python.waitForFinished(kProcessMs));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QCOMPARE(QString::fromUtf8(python.readAllStandardOutput()).trimmed(), statusLine);
        standIn.close();
    }

    // Verified against the peer's own certificate given as the CA (what `--ca` does with the emulator's): sent, and
    // the byte-for-byte check through TLS.
    void senderOverTls() {
        QString certificate;
        QString key;
        loopbackIdentity(certificate, key);
        TlsPeer peer;
        startTlsPeer(peer, certificate, key);
        if (QTest::currentTestFailed()) {
            return;
        }
        sip::SendOptions options;
        options.to = u"sips:agentforce@127.0.0.1:%1"_s.arg(peer.port);
        options.caFile = certificate;
        const flow::SipInvite invite = simulatedInvite(m_clock);
        auto report = sip::sendInvite(invite, options);
        QVERIFY2(report.has_value(), report ? "" : qPrintable(report.error().message));
        QVERIFY(peer.python.waitForFinished(kProcessMs));
        QVERIFY2(peer.python.exitCode() == 0, peer.python.readAllStandardError().constData());
        QCOMPARE(report->transport, u"tls"_s);
        QCOMPARE(report->final.status, 486);
        QVERIFY(report->answered);
        QVERIFY(report->notes.constFirst().startsWith(u"TLS peer verified"_s));
        QCOMPARE(readAll(peer.received), report->sent); // byte for byte, through TLS
        QVERIFY(report->sent.contains(QByteArray("\r\n" + uuiLineOf(invite) + "\r\n")));
    }

    // A peer whose certificate does not verify is refused before anything is sent (RSIP007, with the reason and what
    // to do), unless --insecure: a self-signed certificate not given as a CA, and a trusted one that does not name
    // 127.0.0.1.
    void senderRefusesAnUnverifiedTlsPeer_data() {
        QTest::addColumn<bool>("loopbackCertificate");
        QTest::addColumn<bool>("giveCa");
        QTest::addColumn<QSslError::SslError>("reason");
        QTest::newRow("self-signed, no --ca") << true << false << QSslError::SelfSignedCertificate;
        QTest::newRow("--ca, but the certificate names another host") << false << true << QSslError::HostNameMismatch;
    }
    void senderRefusesAnUnverifiedTlsPeer() {
        QFETCH(bool, loopbackCertificate);
        QFETCH(bool, giveCa);
        QFETCH(QSslError::SslError, reason);
        QString certificate = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem"); // CN only, no SAN
        QString key = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem");
        if (loopbackCertificate) {
            loopbackIdentity(certificate, key);
        }
        auto peer = std::make_unique<TlsPeer>();
        startTlsPeer(*peer, certificate, key);
        if (QTest::currentTestFailed()) {
            return;
        }
        sip::SendOptions options;
        options.to = u"sips:agentforce@127.0.0.1:%1"_s.arg(peer->port);
        options.timeoutMs = 10000;
        if (giveCa) {
            options.caFile = certificate;
        }
        auto refused = sip::sendInvite(simulatedInvite(m_clock), options);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"RSIP007"_s);
        // Refused for the certificate, not for a slow handshake.
        if (!refused.error().message.contains(QSslError(reason).errorString())) {
            QFAIL(qPrintable(refused.error().message + u"; the peer: "_s + peerState(*peer)));
        }
        QVERIFY(refused.error().message.contains(u"--ca FILE"_s));
        QVERIFY(refused.error().message.contains(u"--insecure"_s));
        QVERIFY(readAll(peer->received).isEmpty()); // nothing was sent

        // --insecure sends anyway, and says so. A peer of its own, so that how the first one took the refused
        // handshake cannot decide this half.
        peer->python.kill();
        peer->python.waitForFinished(5000);
        auto second = std::make_unique<TlsPeer>();
        startTlsPeer(*second, certificate, key);
        if (QTest::currentTestFailed()) {
            return;
        }
        options.to = u"sips:agentforce@127.0.0.1:%1"_s.arg(second->port);
        options.caFile.clear();
        options.insecure = true;
        auto sent = sip::sendInvite(simulatedInvite(m_clock), options);
        QVERIFY2(sent.has_value(), sent ? "" : qPrintable(sent.error().message));
        if (sent->final.status != 486) {
            QFAIL(qPrintable(u"%1 %2; notes: %3; peer: %4"_s.arg(sent->final.status)
                                 .arg(sent->final.reason, sent->notes.join(u" | "_s), peerState(*second))));
        }
        QVERIFY(sent->notes.constFirst().contains(u"NOT verified"_s));
        QVERIFY(second->python.waitForFinished(kProcessMs));
        QCOMPARE(readAll(second->received), sent->sent);
    }

    void senderRefusesAnUnreadableCaFile() {
        sip::SendOptions options;
        options.to = u"sips:agentforce@127.0.0.1:5061"_s;
        options.caFile = m_dir->filePath(u"missing.pem"_s);
        auto report = sip::sendInvite(simulatedInvite(m_clock), options);
        QVERIFY(!report);
        QCOMPARE(report.error().code, u"RSIP008"_s);
    }
};

QTEST_GUILESS_MAIN(TestSipWire)
#include "TestSipWire.moc"
