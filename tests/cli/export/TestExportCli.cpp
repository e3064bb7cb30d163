// `handoff export function` and `handoff export contracts` through the real binary. The exported handler is run by
// Node (tests/cli/export/run-handler.js) against the built-in emulator (`handoff emulator`), and the body it sends is
// compared with the one core's request builder makes for the same inputs. The zip is read by Python's zipfile, an
// independent reader.
#include "../CliRunner.h"
#include "../EmulatorProcess.h"
#include "common/Clock.h"
#include "crypto/Certificate.h"
#include "jwt/Jwt.h"
#include "project/ProjectFile.h"
#include "salesforce/SalesforceId.h"
#include "telephony/CallAttributes.h"
#include "telephony/VoiceCallsRequestBuilder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
const QString kCert = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem");
const QString kKey = QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem");
const QString kOrg = u"00DHs0000000001"_s;
const QString kCallCenter = u"scv4cc1"_s;
const QString kRunner = QStringLiteral(HANDOFF_EXPORT_TEST_DIR "/run-handler.js");

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct NodeRun {
    bool ok = false;
    QJsonObject output;
    QString error;
    QByteArray rawOutput; // everything the process printed
};

NodeRun parseNode(const QByteArray& stdoutBytes, const QByteArray& stderrBytes) {
    NodeRun run;
    run.rawOutput = stdoutBytes + stderrBytes;
    const qsizetype at = stdoutBytes.lastIndexOf("RESULT ");
    if (at < 0) {
        run.error = u"no RESULT line: "_s + QString::fromUtf8(run.rawOutput);
        return run;
    }
    const QJsonObject result = QJsonDocument::fromJson(stdoutBytes.mid(at + 7).trimmed()).object();
    run.ok = result.value(u"ok"_s).toBool();
    run.output = result.value(u"output"_s).toObject();
    run.error = result.value(u"error"_s).toString();
    return run;
}

// Runs the handler synchronously (the emulator is another process).
NodeRun runNode(const QString& packageDir, const QJsonObject& event, const QStringList& extraEnv = {}) {
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& entry : extraEnv) {
        env.insert(entry.section(u'=', 0, 0), entry.section(u'=', 1));
    }
    node.setProcessEnvironment(env);
    node.start(u"node"_s, {kRunner, packageDir});
    if (!node.waitForStarted(10000)) {
        return {false, {}, u"node did not start"_s, {}};
    }
    node.write(QJsonDocument(event).toJson(QJsonDocument::Compact));
    node.closeWriteChannel();
    node.waitForFinished(60000);
    return parseNode(node.readAllStandardOutput(), node.readAllStandardError());
}

QList<QJsonObject> events(const QByteArray& emulatorOutput, const QString& kind) {
    QList<QJsonObject> list;
    for (const QByteArray& line : emulatorOutput.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(u"event"_s).toString() == kind) {
            list.append(o);
        }
    }
    return list;
}

int voiceCallsRequests(const QByteArray& emulatorOutput) {
    int n = 0;
    for (const QJsonObject& o : events(emulatorOutput, u"request"_s)) {
        n += o.value(u"path"_s).toString().endsWith(u"/voiceCalls"_s) ? 1 : 0;
    }
    return n;
}

// The PEM forms a credential field can hold.
QString pemForm(const QString& pem, const QString& form) {
    if (form == u"real line breaks"_s) {
        return pem;
    }
    if (form == u"backslash n"_s) {
        return QString(pem).replace(u"\n"_s, u"\\n"_s);
    }
    if (form == u"one line with spaces"_s) {
        return QString(pem).replace(u"\n"_s, u" "_s).trimmed();
    }
    if (form == u"one line without breaks"_s) {
        return QString(pem).replace(u"\n"_s, QString());
    }
    if (form == u"CRLF"_s) {
        return QString(pem).replace(u"\n"_s, u"\r\n"_s);
    }
    return {};
}

class FixedClock final : public handoff::Clock {
public:
    explicit FixedClock(QDateTime t)
        : m_t(std::move(t)) {}
    QDateTime now() const override { return m_t; }

private:
    QDateTime m_t;
};
} // namespace

class TestExportCli final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_projectPath;
    QString m_packageDir;      // the unzipped package (15 s timeout)
    QString m_shortPackageDir; // the same with a 2 s timeout
    QString m_pem;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // Writes a project for the emulator's org; returns its path.
    QString writeProject(const QString& name, int timeoutSeconds) {
        auto loaded =
            handoff::project::ProjectFile::load(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"));
        if (!loaded) {
            return {};
        }
        handoff::project::Project p = loaded->project;
        p.org.orgId = kOrg;
        p.org.callCenterApiName = kCallCenter;
        p.key.keyFile = kKey;
        p.functionDataAction.timeoutSeconds = timeoutSeconds;
        const QString file = path(name);
        return handoff::project::ProjectFile::save(p, file) ? file : QString();
    }

    // Unzips with Python's zipfile (not libzip); returns the folder.
    QString unzip(const QString& zip, const QString& into) {
        QProcess python;
        python.start(u"python3"_s, {u"-c"_s,
                                    u"import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\n"
                                    u"assert z.testzip() is None\nz.extractall(sys.argv[2])\n"
                                    u"print('\\n'.join(z.namelist()))"_s,
                                    zip, into});
        python.waitForFinished(30000);
        return python.exitCode() == 0 ? into : QString();
    }

    QJsonObject functionEvent(const QString& baseUrl, const QString& pem) const {
        return {{u"to"_s, u"+1 415-555-0100"_s},
                {u"from"_s, u"tel:+14155550199"_s},
                {u"callCenterApiName"_s, kCallCenter},
                {u"scrtBaseUrl"_s, baseUrl},
                {u"salesforceOrgId"_s, kOrg},
                {u"callAttributes"_s, u"{\"Department__c\":\"Support\",\"Priority__c\":2}"_s},
                {u"vendorCallKey"_s, u"5b7a1c2e-8f3d-4e6a-9b0c-1d2e3f4a5b6c"_s},
                {u"privateKey"_s, pem}};
    }

    bool startEmulator(EmulatorProcess& emulator, const QStringList& extra = {}) {
        return emulator.start(QStringList{u"--register"_s, kCert, u"--org"_s, kOrg, u"--call-center"_s, kCallCenter} +
                              extra);
    }

    // What core's request builder makes for the handler's inputs, at the handler's startTime.
    QByteArray coreBody(const QJsonObject& in, const QString& startTime) {
        handoff::telephony::VoiceCallRequest request;
        request.callCenterApiName = in.value(u"callCenterApiName"_s).toString();
        request.vendorCallKey = in.value(u"vendorCallKey"_s).toString();
        request.to = in.value(u"to"_s).toString();
        request.from = in.value(u"from"_s).toString();
        request.callAttributes =
            handoff::telephony::parseCallAttributes(in.value(u"callAttributes"_s).toString()).attributes;
        const FixedClock clock(QDateTime::fromString(startTime, Qt::ISODateWithMs));
        return handoff::telephony::buildVoiceCallBody(request, {}, clock).json;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QFile pem(kKey);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        m_pem = QString::fromLatin1(pem.readAll());
        m_projectPath = writeProject(u"acme.handoff"_s, 15);
        QVERIFY(!m_projectPath.isEmpty());
        const CliRun run = runHandoff({u"export"_s, u"function"_s, m_projectPath, u"--out"_s, path(u"fn.zip"_s)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_packageDir = unzip(path(u"fn.zip"_s), path(u"fn"_s));
        QVERIFY(!m_packageDir.isEmpty());

        const QString shortProject = writeProject(u"short.handoff"_s, 2);
        QCOMPARE(runHandoff({u"export"_s, u"function"_s, shortProject, u"--out"_s, path(u"short.zip"_s)}).exitCode, 0);
        m_shortPackageDir = unzip(path(u"short.zip"_s), path(u"short"_s));
        QVERIFY(!m_shortPackageDir.isEmpty());
    }

    void zipHoldsThePackage() {
        QProcess python;
        python.start(u"python3"_s, {u"-c"_s,
                                    u"import sys, zipfile\nprint('\\n'.join(zipfile.ZipFile(sys.argv[1])"
                                    u".namelist()))"_s,
                                    path(u"fn.zip"_s)});
        QVERIFY(python.waitForFinished(30000));
        QStringList names = QString::fromUtf8(python.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        names.sort();
        QCOMPARE(names, (QStringList{u"README.md"_s, u"package.json"_s, u"src/index.js"_s}));

        const QJsonObject package = QJsonDocument::fromJson(readFile(m_packageDir + u"/package.json"_s)).object();
        QCOMPARE(package.value(u"main"_s).toString(), u"src/index.js"_s);
        QVERIFY(package.value(u"dependencies"_s).toObject().isEmpty());
        QVERIFY(!package.contains(u"devDependencies"_s));

        const QString index = QString::fromUtf8(readFile(m_packageDir + u"/src/index.js"_s));
        QVERIFY(index.contains(u"exports.handler = async (event, context, callback)"_s));
        QVERIFY(!index.contains(u"__HANDOFF_POLICY__"_s));
        // Built-in modules only: the one require() is crypto.
        QStringList required;
        static const QRegularExpression requireCall(u"require\\(\\s*['\"]([^'\"]+)['\"]"_s);
        for (auto it = requireCall.globalMatch(index); it.hasNext();) {
            required.append(it.next().captured(1));
        }
        QCOMPARE(required, QStringList{u"crypto"_s});
        // No console output at all, so neither the key nor a token can be logged.
        QVERIFY(!index.contains(u"console."_s));

        const QString readme = QString::fromUtf8(readFile(m_packageDir + u"/README.md"_s));
        QVERIFY(readme.contains(u"src/index.handler"_s));
        QVERIFY(readme.contains(u"nodejs20.x"_s));
    }

    void existingZipIsRefusedUnlessForced() {
        const QString out = path(u"fn.zip"_s);
        const QByteArray before = readFile(out);
        const CliRun again = runHandoff({u"export"_s, u"function"_s, m_projectPath, u"--out"_s, out});
        QCOMPARE(again.exitCode, 3);
        QVERIFY2(again.err.contains("EXP014"), again.err.constData());
        QCOMPARE(readFile(out), before);
        QCOMPARE(runHandoff({u"export"_s, u"function"_s, m_projectPath, u"--out"_s, out, u"--force"_s}).exitCode, 0);
        QCOMPARE(readFile(out), before); // the same project gives the same bytes
        const CliRun help = runHandoff({u"export"_s, u"function"_s, u"--help"_s});
        QVERIFY(help.out.contains("--force"));
    }

    void badZipNameIsRefused() {
        const CliRun run =
            runHandoff({u"export"_s, u"function"_s, m_projectPath, u"--out"_s, path(u"my function.zip"_s)});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("EXP015"));
        QVERIFY(!QFile::exists(path(u"my function.zip"_s)));
    }

    void badSettingsAreRefused() {
        auto loaded = handoff::project::ProjectFile::load(m_projectPath);
        QVERIFY(loaded.has_value());
        handoff::project::Project p = loaded->project;
        p.functionDataAction.timeoutSeconds = 30;
        p.functionDataAction.runtime = u"nodejs16.x"_s;
        QVERIFY(handoff::project::ProjectFile::save(p, path(u"bad.handoff"_s)).has_value());
        const CliRun run =
            runHandoff({u"export"_s, u"function"_s, path(u"bad.handoff"_s), u"--out"_s, path(u"bad.zip"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("EXP010"));
        QVERIFY(run.err.contains("EXP011"));
        QVERIFY(!QFile::exists(path(u"bad.zip"_s)));
    }

    void goodCall_data() {
        QTest::addColumn<QString>("form");
        for (const char* form :
             {"real line breaks", "backslash n", "one line with spaces", "one line without breaks", "CRLF"}) {
            QTest::newRow(form) << QString::fromLatin1(form);
        }
    }
    void goodCall() {
        QFETCH(QString, form);
        EmulatorProcess emulator;
        QVERIFY(startEmulator(emulator));
        const QJsonObject in = functionEvent(emulator.baseUrl(), pemForm(m_pem, form));
        const NodeRun run = runNode(m_packageDir, in);
        const QByteArray log = emulator.stop(SIGTERM);
        QVERIFY2(run.ok, qPrintable(run.error));

        const QList<QJsonObject> created = events(log, u"created"_s);
        QCOMPARE(created.size(), 1);
        const QString id = run.output.value(u"voiceCallId"_s).toString();
        QCOMPARE(id.size(), 18);
        QCOMPARE(created.constFirst().value(u"voiceCallId"_s).toString().size(), 15);
        QCOMPARE(
            id,
            handoff::salesforce::SalesforceId::parse(created.constFirst().value(u"voiceCallId"_s).toString())->id18());
        QCOMPARE(run.output.value(u"warning"_s).toString(), QString());

        // The UUI token: signed by the same key, under the project's UUI policy (24 h, no jti), iss and sub.
        const auto decoded = handoff::jwt::decode(run.output.value(u"uuiToken"_s).toString().toLatin1());
        QVERIFY(decoded.has_value());
        const auto cert = handoff::crypto::Certificate::load(kCert);
        QVERIFY(cert.has_value());
        QVERIFY(handoff::jwt::verify(*decoded, *cert).has_value());
        QCOMPARE(decoded->claims.names(), (QStringList{u"iat"_s, u"exp"_s, u"iss"_s, u"sub"_s}));
        QCOMPARE(*decoded->claims.intClaim(u"exp"_s) - *decoded->claims.intClaim(u"iat"_s), 24 * 60 * 60);
        QCOMPARE(*decoded->claims.stringClaim(u"iss"_s), kOrg);
        QCOMPARE(*decoded->claims.stringClaim(u"sub"_s), kCallCenter);
        // The API token the emulator accepted had a jti (the emulator records it).
        QVERIFY(!created.constFirst().value(u"jti"_s).toString().isEmpty());

        // Nothing printed holds the key or a token.
        const QByteArray printed = run.rawOutput.left(run.rawOutput.lastIndexOf("RESULT "));
        QVERIFY(!printed.contains("MII"));
        QVERIFY(!printed.contains("eyJ"));
    }

private:
    struct Captured {
        NodeRun run;
        QList<QByteArray> requests; // raw HTTP requests, in order
    };

    // Runs the handler against a stand-in server on loopback that answers each request with the next of `answers`
    // (a status line and a JSON body) and records what it got, byte for byte.
    Captured runAgainstCapture(const QList<std::pair<QByteArray, QByteArray>>& answers, QJsonObject* inputs) {
        Captured captured;
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost)) {
            return captured;
        }
        connect(&server, &QTcpServer::newConnection, &server, [&] {
            QTcpSocket* socket = server.nextPendingConnection();
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, socket, [&, socket, buffer] {
                *buffer += socket->readAll();
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0) {
                    return;
                }
                static const QRegularExpression length(u"(?i)content-length:\\s*(\\d+)"_s);
                const auto match = length.match(QString::fromLatin1(buffer->left(end)));
                if (!match.hasMatch() || buffer->size() - end - 4 < match.captured(1).toLongLong()) {
                    return;
                }
                const qsizetype index = captured.requests.size();
                captured.requests.append(*buffer);
                const auto& [status, body] = answers.value(index, answers.constLast());
                socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nConnection: close\r\n" +
                              "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        });
        *inputs = functionEvent(u"http://127.0.0.1:%1/telephony/v1"_s.arg(server.serverPort()), m_pem);
        QProcess node;
        node.start(u"node"_s, {kRunner, m_packageDir});
        if (!node.waitForStarted(10000)) {
            return captured;
        }
        node.write(QJsonDocument(*inputs).toJson(QJsonDocument::Compact));
        node.closeWriteChannel();
        if (!QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 30000)) {
            node.kill();
            node.waitForFinished();
        }
        captured.run = parseNode(node.readAllStandardOutput(), node.readAllStandardError());
        return captured;
    }

    static QByteArray bodyOf(const QByteArray& request) { return request.mid(request.indexOf("\r\n\r\n") + 4); }
    static QByteArray authorization(const QByteArray& request) {
        for (const QByteArray& line : request.left(request.indexOf("\r\n\r\n")).split('\n')) {
            if (line.toLower().startsWith("authorization:")) {
                return line.mid(14).trimmed();
            }
        }
        return {};
    }

private Q_SLOTS:
    // The body the handler sends, byte for byte, against core's request builder for the same inputs.
    void bodyEqualsCoreRequestBuilder() {
        QJsonObject in;
        const Captured captured =
            runAgainstCapture({{"201 Created", R"({"voiceCallId":"0LQRM0000006CSz","errors":[]})"}}, &in);
        QVERIFY2(captured.run.ok, qPrintable(captured.run.error));
        // The help article's 15-character sample id comes back with its case-safe suffix.
        QCOMPARE(captured.run.output.value(u"voiceCallId"_s).toString(),
                 u"0LQRM0000006CSz"_s + handoff::salesforce::caseSafeSuffix(u"0LQRM0000006CSz"));
        QCOMPARE(captured.requests.size(), 1);
        const QByteArray& request = captured.requests.constFirst();
        QVERIFY(request.startsWith("POST /telephony/v1/voiceCalls HTTP/1.1\r\n"));
        const QByteArray sent = bodyOf(request);
        const QString startTime = QJsonDocument::fromJson(sent).object().value(u"startTime"_s).toString();
        QVERIFY(!startTime.isEmpty());
        QCOMPARE(sent, coreBody(in, startTime));
        QVERIFY(QString::fromLatin1(request).contains(u"content-type: application/json"_s, Qt::CaseInsensitive));
        QVERIFY(authorization(request).startsWith("Bearer ey"));
    }

    void eighteenCharacterIdPassesUnchanged() {
        QJsonObject in;
        const Captured captured =
            runAgainstCapture({{"200 OK", R"({"voiceCallId":"0LQRM0000006CSzAAM","errors":[]})"}}, &in);
        QVERIFY2(captured.run.ok, qPrintable(captured.run.error));
        QCOMPARE(captured.run.output.value(u"voiceCallId"_s).toString(), u"0LQRM0000006CSzAAM"_s);
    }

    void retryAfter429SignsAFreshToken() {
        QJsonObject in;
        const Captured captured =
            runAgainstCapture({{"429 Too Many Requests\r\nRetry-After: 0", R"({"errors":[]})"},
                               {"201 Created", R"({"voiceCallId":"0LQRM0000006CSz","errors":[]})"}},
                              &in);
        QVERIFY2(captured.run.ok, qPrintable(captured.run.error));
        QCOMPARE(captured.requests.size(), 2);
        const QByteArray first = authorization(captured.requests.at(0));
        const QByteArray second = authorization(captured.requests.at(1));
        QVERIFY(!first.isEmpty());
        QVERIFY(first != second);
        const auto a = handoff::jwt::decode(first.mid(7));
        const auto b = handoff::jwt::decode(second.mid(7));
        QVERIFY(a && b);
        QVERIFY(a->claims.stringClaim(u"jti"_s) != b->claims.stringClaim(u"jti"_s));
        QCOMPARE(bodyOf(captured.requests.at(0)), bodyOf(captured.requests.at(1))); // the same request, re-signed
    }

    void errorsArrayNextToAnIdIsAWarning() {
        QJsonObject in;
        const Captured captured = runAgainstCapture(
            {{"201 Created",
              R"({"voiceCallId":"0LQRM0000006CSz","errors":[{"errorCode":"FIELD","message":"Queue__c"}]})"}},
            &in);
        QVERIFY2(captured.run.ok, qPrintable(captured.run.error));
        QCOMPARE(captured.run.output.value(u"warning"_s).toString(), u"FIELD: Queue__c"_s);
    }

    void partialIsSuccessWithWarning() {
        EmulatorProcess emulator;
        QVERIFY(startEmulator(emulator, {u"--fault-once"_s, u"partial"_s}));
        const NodeRun run = runNode(m_packageDir, functionEvent(emulator.baseUrl(), m_pem));
        const QByteArray log = emulator.stop(SIGTERM);
        QVERIFY2(run.ok, qPrintable(run.error));
        QCOMPARE(run.output.value(u"voiceCallId"_s).toString().size(), 18);
        QVERIFY(!run.output.value(u"warning"_s).toString().isEmpty());
        QCOMPARE(events(log, u"created"_s).size(), 1);
    }

    void failures_data() {
        QTest::addColumn<QString>("faults");
        QTest::addColumn<bool>("shortTimeout");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("requests");
        QTest::addColumn<QString>("message");
        QTest::newRow("latency inside the timeout") << u"latency=300"_s << false << true << 1 << QString();
        QTest::newRow("429 that fits: retried once") << u"429=1"_s << false << true << 2 << QString();
        QTest::newRow("429 twice: one retry only") << u"429=1,429=1"_s << false << false << 2 << u"429"_s;
        QTest::newRow("429 longer than the timeout") << u"429=30"_s << false << false << 1 << u"Retry-After 30"_s;
        QTest::newRow("500") << u"500"_s << false << false << 1 << u"HTTP 500"_s;
        QTest::newRow("malformed") << u"malformed"_s << false << false << 1 << u"not JSON"_s;
        QTest::newRow("drop: never retried") << u"drop"_s << false << false << 1 << u"not sent again"_s;
        QTest::newRow("timeout: never retried") << u"latency=4000"_s << true << false << 1 << u"within the action"_s;
    }
    void failures() {
        QFETCH(QString, faults);
        QFETCH(bool, shortTimeout);
        QFETCH(bool, ok);
        QFETCH(int, requests);
        QFETCH(QString, message);
        QStringList args;
        for (const QString& fault : faults.split(u',')) {
            args << u"--fault-once"_s << fault;
        }
        EmulatorProcess emulator;
        QVERIFY(startEmulator(emulator, args));
        const NodeRun run =
            runNode(shortTimeout ? m_shortPackageDir : m_packageDir, functionEvent(emulator.baseUrl(), m_pem));
        const QByteArray log = emulator.stop(SIGTERM);
        QCOMPARE(run.ok, ok);
        QVERIFY2(run.error.contains(message), qPrintable(run.error));
        if (shortTimeout) {
            // The emulator logs a request once it has answered, which may be after it was stopped: at most one.
            QVERIFY(voiceCallsRequests(log) <= requests);
        } else {
            QCOMPARE(voiceCallsRequests(log), requests);
        }
        QVERIFY(!run.error.contains(u"MII"_s));
        QVERIFY(!run.error.contains(u"eyJ"_s));
    }

    void badKeys_data() {
        QTest::addColumn<QString>("keyFile");
        QTest::addColumn<QString>("message");
        QTest::newRow("another key: refused by the org") << u"other-rsa2048-test-only.pem"_s << u"HTTP 401"_s;
        QTest::newRow("not a key") << u"garbage-test-only.pem"_s << u"not a PEM private key"_s;
        QTest::newRow("cut short") << u"truncated-test-only.pem"_s << u"paste the whole key file"_s;
        QTest::newRow("EC key") << u"ec-p256-test-only.pem"_s << u"RSA key"_s;
        QTest::newRow("encrypted") << u"rsa2048-pkcs8-encrypted-test-only.pem"_s << u"encrypted"_s;
        QTest::newRow("empty") << QString() << u"empty"_s;
    }
    void badKeys() {
        QFETCH(QString, keyFile);
        QFETCH(QString, message);
        const QString pem = keyFile.isEmpty()
                                ? QString()
                                : QString::fromLatin1(readFile(QStringLiteral(HANDOFF_TEST_DATA "/") + keyFile));
        EmulatorProcess emulator;
        QVERIFY(startEmulator(emulator));
        const NodeRun run = runNode(m_packageDir, functionEvent(emulator.baseUrl(), pem));
        const QByteArray log = emulator.stop(SIGTERM);
        QVERIFY(!run.ok);
        QVERIFY2(run.error.contains(message), qPrintable(run.error));
        QVERIFY(!run.error.contains(u"MII"_s));
        QVERIFY(events(log, u"created"_s).isEmpty());
    }

    void schemelessBaseUrlGetsHttps() {
        EmulatorProcess emulator;
        const QString cert = path(u"emulator.crt.pem"_s);
        QVERIFY(startEmulator(emulator, {u"--tls"_s, u"--write-cert"_s, cert}));
        QString base = emulator.baseUrl();
        QVERIFY(base.startsWith(u"https://"_s));
        base.remove(0, 8); // as the help article writes it: no scheme
        const NodeRun run = runNode(m_packageDir, functionEvent(base, m_pem), {u"NODE_EXTRA_CA_CERTS="_s + cert});
        emulator.stop(SIGTERM);
        QVERIFY2(run.ok, qPrintable(run.error));
        QCOMPARE(run.output.value(u"voiceCallId"_s).toString().size(), 18);
    }

    void plainHttpOnlyToLoopback() {
        const NodeRun run = runNode(m_packageDir, functionEvent(u"http://acme.my.salesforce-scrt.com"_s, m_pem));
        QVERIFY(!run.ok);
        QVERIFY2(run.error.contains(u"plain http"_s), qPrintable(run.error));
        const NodeRun stranger = runNode(m_packageDir, functionEvent(u"https://example.com"_s, m_pem));
        QVERIFY(!stranger.ok);
        QVERIFY2(stranger.error.contains(u"not an SCRT2 address"_s), qPrintable(stranger.error));
    }

    void contractsAreWrittenAndChecked() {
        const QString dir = path(u"contracts"_s);
        QVERIFY(QDir().mkpath(dir));
        const CliRun run = runHandoff({u"export"_s, u"contracts"_s, m_projectPath, u"--out-dir"_s, dir});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        for (const char* kind : {"input", "output"}) {
            const QString file = dir + u'/' + QString::fromLatin1(kind) + u"-contract.json"_s;
            const CliRun check = runHandoff(
                {u"export"_s, u"check-contract"_s, file, u"--kind"_s, QString::fromLatin1(kind), u"--json"_s});
            QCOMPARE(check.exitCode, 0);
            QVERIFY(QJsonDocument::fromJson(check.out).object().value(u"diagnostics"_s).toArray().isEmpty());
        }
        const CliRun again = runHandoff({u"export"_s, u"contracts"_s, m_projectPath, u"--out-dir"_s, dir});
        QCOMPARE(again.exitCode, 3);
        QVERIFY(again.err.contains("EXP014"));
    }

    void articleStyleContractIsRefused() {
        // Shaped like the help article's sample: orgId (reserved) and the private key as a flow input.
        const QByteArray contract = R"({"type":"object","properties":{"orgId":{"type":"string"},)"
                                    R"("privateKey":{"type":"string"},"to":{"type":"string"}},"required":["orgId"]})";
        const CliRun run = runHandoff({u"export"_s, u"check-contract"_s, u"-"_s}, contract);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("EXP022"), run.err.constData());
        QVERIFY(run.err.contains("EXP030"));
        QVERIFY(run.err.contains("EXP028"));
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "TestExportCli.moc"
