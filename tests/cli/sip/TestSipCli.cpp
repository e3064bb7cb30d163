#include "../CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QString kOrg = u"00DHs0000000001"_s;
const QString kCallCenter = u"scv4cc1"_s;
const QString kCert = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem");
const QString kKey = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem");

// `handoff emulator --json --sip-port 0 ...` in its own process; the first two lines say where it listens.
class StandInProcess {
public:
    ~StandInProcess() { stop(); }
    bool start(const QStringList& args) {
        m_process.start(QStringLiteral(HANDOFF_CLI), QStringList{u"emulator"_s, u"--json"_s} + args);
        if (!m_process.waitForStarted(10000)) {
            return false;
        }
        while (m_events.size() < 2) {
            while (!m_process.canReadLine()) {
                if (!m_process.waitForReadyRead(10000)) {
                    return false;
                }
            }
            m_events.append(QJsonDocument::fromJson(m_process.readLine()).object());
        }
        return m_events.at(1).value(u"event"_s).toString() == u"sipListening"_s;
    }
    QString baseUrl() const { return m_events.at(0).value(u"baseUrl"_s).toString(); }
    int sipPort() const { return m_events.at(1).value(u"sipPort"_s).toInt(); }
    QJsonObject sipEvent() const { return m_events.at(1); }
    // Stops it and returns the events it printed after the first two.
    QList<QJsonObject> stop() {
        QList<QJsonObject> out;
        if (m_process.state() == QProcess::NotRunning) {
            return out;
        }
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
        for (const QByteArray& line : m_process.readAllStandardOutput().split('\n')) {
            if (!line.trimmed().isEmpty()) {
                out.append(QJsonDocument::fromJson(line).object());
            }
        }
        return out;
    }

private:
    QProcess m_process;
    QList<QJsonObject> m_events;
};

} // namespace

class TestSipCli final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project; // the sip-transfer template, limit read on the decoded data
    QString m_projectNoCallId;

    static bool rewrite(const QString& from, const QString& to, const std::function<void(QJsonObject&)>& change) {
        QFile in(from);
        if (!in.open(QIODevice::ReadOnly)) {
            return false;
        }
        QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
        change(root);
        QFile out(to);
        return out.open(QIODevice::WriteOnly) && out.write(QJsonDocument(root).toJson()) > 0;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString made = m_dir.filePath(u"made.handoff"_s);
        const CliRun run =
            runHandoff({u"flow"_s, u"new"_s, u"--org-id"_s, kOrg, u"--scrt2-domain"_s, u"acme.my.salesforce-scrt.com"_s,
                        u"--call-center"_s, kCallCenter, u"--out"_s, made});
        QCOMPARE(run.exitCode, 0);
        m_project = m_dir.filePath(u"p.handoff"_s);
        m_projectNoCallId = m_dir.filePath(u"nocallid.handoff"_s);
        auto decoded = [](QJsonObject& root) {
            QJsonArray environments = root.value(u"environments"_s).toArray();
            QJsonObject environment = environments.at(0).toObject();
            QJsonObject trunk = environment.value(u"trunk"_s).toObject();
            trunk.insert(u"limitAppliesTo"_s, u"decodedData"_s);
            environment.insert(u"trunk"_s, trunk);
            environments.replace(0, environment);
            root.insert(u"environments"_s, environments);
        };
        QVERIFY(rewrite(made, m_project, decoded));
        QVERIFY(rewrite(made, m_projectNoCallId, [&](QJsonObject& root) {
            decoded(root);
            QJsonObject uui = root.value(u"uui"_s).toObject();
            uui.insert(u"includeCallId"_s, false);
            root.insert(u"uui"_s, uui);
        }));
    }

    void usage() {
        QCOMPARE(runHandoff({u"sip"_s, u"send"_s, m_project}).exitCode, 2); // no --to
        const CliRun bad = runHandoff({u"sip"_s, u"send"_s, m_project, u"--to"_s, u"127.0.0.1:5060"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("RSIP002"));
        QCOMPARE(
            runHandoff({u"sip"_s, u"send"_s, m_project, u"--to"_s, u"sip:a@127.0.0.1:1"_s, u"--transport"_s, u"sctp"_s})
                .exitCode,
            2);
        QCOMPARE(
            runHandoff({u"emulator"_s, u"--register"_s, kCert, u"--org"_s, kOrg, u"--sip-tls-port"_s, u"0"_s}).exitCode,
            2); // --sip-tls-port needs --sip-port
    }

    // The rehearsal from the command line: the emulator creates the VoiceCall, the stand-in judges the INVITE.
    void rehearsal_data() {
        QTest::addColumn<bool>("withCallId");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("status");
        QTest::newRow("without callId: accepted") << false << 0 << 200;
        // The template's function returns the 18-character id of the VoiceCall the emulator created: the stand-in
        // finds it.
        QTest::newRow("18-character callId of the created VoiceCall: accepted") << true << 0 << 200;
    }
    void rehearsal() {
        QFETCH(bool, withCallId);
        QFETCH(int, exitCode);
        QFETCH(int, status);
        StandInProcess standIn;
        QVERIFY(standIn.start({u"--register"_s, kCert, u"--org"_s, kOrg, u"--call-center"_s, kCallCenter,
                               u"--sip-port"_s, u"0"_s, u"--trunk-from"_s, m_project}));
        QCOMPARE(standIn.sipEvent().value(u"uuiLimitAppliesTo"_s).toString(), u"decodedData"_s); // from the project
        const CliRun run = runHandoff({u"sip"_s, u"send"_s, withCallId ? m_project : m_projectNoCallId, u"--to"_s,
                                       u"sip:agentforce@127.0.0.1:%1"_s.arg(standIn.sipPort()), u"--key"_s, kKey,
                                       u"--base-url"_s, standIn.baseUrl(), u"--json"_s});
        QVERIFY2(run.exitCode == exitCode, run.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(report.value(u"final"_s).toObject().value(u"status"_s).toInt(), status);
        QCOMPARE(report.value(u"transport"_s).toString(), u"tcp"_s); // over 1,300 bytes
        QVERIFY(report.value(u"tokenResigned"_s).toBool());
        const QString sent = report.value(u"sent"_s).toString();
        QVERIFY(sent.startsWith(u"INVITE sip:agentforce@127.0.0.1:"_s));
        QVERIFY(sent.contains(u"\r\nUser-to-User: 04"_s));
        QCOMPARE(report.value(u"size"_s).toInt(), sent.toUtf8().size());
        if (status == 200) {
            QVERIFY(report.value(u"acked"_s).toBool());
            QCOMPARE(report.value(u"byeStatus"_s).toInt(), 200);
        } else {
            QVERIFY(report.value(u"warnings"_s).toArray().at(0).toString().contains(u"UUI025"_s));
        }
        // The stand-in lists what it received.
        const QList<QJsonObject> events = standIn.stop();
        const auto invite = std::find_if(events.cbegin(), events.cend(), [](const QJsonObject& e) {
            return e.value(u"event"_s).toString() == u"sip"_s && e.value(u"method"_s).toString() == u"INVITE"_s;
        });
        QVERIFY(invite != events.cend());
        QCOMPARE(invite->value(u"status"_s).toInt(), status);
        QCOMPARE(invite->value(u"uuiHeader"_s).toString(), u"User-to-User"_s);
        QVERIFY(invite->value(u"uui"_s).toString().startsWith(u"{"_s));
        const auto created = std::find_if(events.cbegin(), events.cend(), [](const QJsonObject& e) {
            return e.value(u"event"_s).toString() == u"created"_s;
        });
        QVERIFY(created != events.cend()); // the Call Data Action went to the emulator
    }

    // `flow simulate --live-emulator`: the bundled sample, in one process with the emulator and the SIP stand-in. The
    // emulator creates the VoiceCall, the function's conversion gives its 18 characters, the UUI token is signed with
    // the key whose public half the emulator registered, and the stand-in accepts the INVITE over real SIP.
    void liveEmulatorSampleReachesTheAgent() {
        const QString sample = QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff");
        const CliRun run =
            runHandoff({u"flow"_s, u"simulate"_s, sample, u"--live-emulator"_s, u"--key"_s, kKey, u"--json"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject trace = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(trace.value(u"end"_s).toString(), u"transferred"_s);
        QVERIFY(trace.value(u"liveEmulator"_s)
                    .toObject()
                    .value(u"sipUri"_s)
                    .toString()
                    .startsWith(u"sip:agentforce@127.0.0.1:"_s));
        QJsonObject transfer;
        QString voiceCallId;
        for (const QJsonValue& v : trace.value(u"steps"_s).toArray()) {
            const QJsonObject step = v.toObject();
            if (step.contains(u"answer"_s)) {
                transfer = step;
            }
            if (step.value(u"outputs"_s).toObject().contains(u"voiceCallId"_s)) {
                voiceCallId = step.value(u"outputs"_s).toObject().value(u"voiceCallId"_s).toString();
            }
        }
        QVERIFY2(!transfer.isEmpty(), run.out.constData());
        QCOMPARE(voiceCallId.size(), 18); // the function's 15 -> 18 conversion of the emulator's id
        const QJsonObject answer = transfer.value(u"answer"_s).toObject();
        QVERIFY(answer.value(u"accepted"_s).toBool());
        QCOMPARE(answer.value(u"sipStatus"_s).toInt(), 200);
        QVERIFY(answer.value(u"sent"_s).toString().startsWith(u"INVITE sip:agentforce@127.0.0.1:"_s));
        QVERIFY(answer.value(u"received"_s).toString().startsWith(u"SIP/2.0 200 "_s));
        // The stand-in's side: its verdict and the VoiceCall it found, in the trace.
        const QString notes = answer.value(u"notes"_s).toVariant().toStringList().join(u'\n');
        QVERIFY2(notes.contains(u"Stand-in: INVITE received over tcp"_s), qPrintable(notes));
        QVERIFY2(notes.contains(u"VoiceCall %1 found"_s.arg(voiceCallId)), qPrintable(notes));
        // The INVITE carried that VoiceCall's id in its UUI (hex after the PD octet 04).
        const QString sent = answer.value(u"sent"_s).toString();
        const QByteArray callIdMember = QByteArray("\"callId\":\"") + voiceCallId.toLatin1() + '"';
        QVERIFY(sent.contains(QString::fromLatin1(callIdMember.toHex())));

        // The same in text: both sides in the trace.
        const CliRun text = runHandoff({u"flow"_s, u"simulate"_s, sample, u"--live-emulator"_s, u"--key"_s, kKey});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY(text.out.contains("Rehearsal on this computer"));
        QVERIFY(text.out.contains("Far end over SIP: 200"));
        QVERIFY(text.out.contains("Stand-in: the token verified"));
    }

    // A token the registered key did not sign (here: signed by another key and pasted into the flow's variable):
    // the stand-in refuses the INVITE and says why, the trace shows it (FLW090), and the call takes the failure path.
    void liveEmulatorRefusesABrokenToken() {
        const CliRun signedByOther = runHandoff(
            {u"jwt"_s, u"sign"_s, u"--key"_s, QStringLiteral(HANDOFF_TEST_DATA "/other-rsa2048-test-only.pem"),
             u"--iss"_s, u"00D5g000004XyZ1"_s, u"--sub"_s, u"acme_agentforce"_s, u"--preset"_s, u"uui"_s});
        QVERIFY2(signedByOther.exitCode == 0, signedByOther.err.constData());
        const QString token = QString::fromLatin1(signedByOther.out.trimmed());
        const QString broken = m_dir.filePath(u"broken-token.handoff"_s);
        QVERIFY(rewrite(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"), broken,
                        [&](QJsonObject& root) {
                            QJsonObject flow = root.value(u"flow"_s).toObject();
                            // The function's token no longer reaches Task.uuiToken; the pasted one does.
                            QJsonArray tasks = flow.value(u"tasks"_s).toArray();
                            for (QJsonValueRef t : tasks) {
                                QJsonObject task = t.toObject();
                                QJsonArray actions = task.value(u"actions"_s).toArray();
                                for (QJsonValueRef a : actions) {
                                    QJsonObject action = a.toObject();
                                    if (action.value(u"kind"_s).toString() != u"callData"_s) {
                                        continue;
                                    }
                                    QJsonObject props = action.value(u"props"_s).toObject();
                                    QJsonArray outputs;
                                    for (const QJsonValue& o : props.value(u"successOutputs"_s).toArray()) {
                                        if (o.toObject().value(u"name"_s).toString() != u"uuiToken"_s) {
                                            outputs.append(o);
                                        }
                                    }
                                    props.insert(u"successOutputs"_s, outputs);
                                    action.insert(u"props"_s, props);
                                    a = action;
                                }
                                task.insert(u"actions"_s, actions);
                                t = task;
                            }
                            flow.insert(u"tasks"_s, tasks);
                            QJsonArray variables = flow.value(u"variables"_s).toArray();
                            for (QJsonValueRef v : variables) {
                                QJsonObject variable = v.toObject();
                                if (variable.value(u"name"_s).toString() == u"Task.uuiToken"_s) {
                                    variable.insert(u"initial"_s, token);
                                    v = variable;
                                }
                            }
                            flow.insert(u"variables"_s, variables);
                            root.insert(u"flow"_s, flow);
                        }));
        const CliRun run =
            runHandoff({u"flow"_s, u"simulate"_s, broken, u"--live-emulator"_s, u"--key"_s, kKey, u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject trace = QJsonDocument::fromJson(run.out).object();
        QVERIFY(trace.value(u"end"_s).toString() != u"transferred"_s);
        QJsonObject answer;
        for (const QJsonValue& v : trace.value(u"steps"_s).toArray()) {
            if (v.toObject().contains(u"answer"_s)) {
                answer = v.toObject().value(u"answer"_s).toObject();
            }
        }
        QVERIFY2(!answer.isEmpty(), run.out.constData());
        QVERIFY(!answer.value(u"accepted"_s).toBool());
        QCOMPARE(answer.value(u"sipStatus"_s).toInt(), 403);
        QCOMPARE(answer.value(u"reason"_s).toString(), u"Token Signature Invalid"_s);
        QVERIFY(answer.value(u"warnings"_s).toArray().at(0).toString().contains(u"RSIP015"_s));
        bool refused = false;
        for (const QJsonValue& d : trace.value(u"diagnostics"_s).toArray()) {
            const QJsonObject o = d.toObject();
            refused = refused || (o.value(u"code"_s).toString() == u"FLW090"_s &&
                                  o.value(u"message"_s).toString().contains(u"Token Signature Invalid"_s));
        }
        QVERIFY2(refused, run.out.constData());
    }

    void liveEmulatorUsage() {
        const QString sample = QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff");
        QCOMPARE(runHandoff({u"flow"_s, u"simulate"_s, sample, u"--live-emulator"_s}).exitCode, 2); // no --key
        QCOMPARE(runHandoff({u"flow"_s, u"simulate"_s, sample, u"--live-emulator"_s, u"--key"_s, kKey, u"--outcome"_s,
                             u"failure"_s})
                     .exitCode,
                 2);
    }

    // A peer that never answers: a clear message and exit 3, within the timeout.
    void silentPeer() {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        const CliRun run = runHandoff({u"sip"_s, u"send"_s, m_project, u"--to"_s,
                                       u"sip:agentforce@127.0.0.1:%1"_s.arg(silent.localPort()), u"--transport"_s,
                                       u"udp"_s, u"--timeout"_s, u"1000"_s});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("RSIP004"));
        QVERIFY(run.out.contains("no CANCEL"));
    }

    void printSentIsTheInvite() {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        const CliRun run = runHandoff({u"sip"_s, u"send"_s, m_project, u"--to"_s,
                                       u"sip:agentforce@127.0.0.1:%1"_s.arg(silent.localPort()), u"--transport"_s,
                                       u"udp"_s, u"--timeout"_s, u"500"_s, u"--print-sent"_s});
        QVERIFY(run.out.startsWith("INVITE sip:agentforce@127.0.0.1:"));
        QVERIFY(silent.hasPendingDatagrams());
        QByteArray datagram(int(silent.pendingDatagramSize()), Qt::Uninitialized);
        silent.readDatagram(datagram.data(), datagram.size());
        QCOMPARE(run.out, datagram); // exactly the bytes that went out
    }
};

QTEST_GUILESS_MAIN(TestSipCli)
#include "TestSipCli.moc"
