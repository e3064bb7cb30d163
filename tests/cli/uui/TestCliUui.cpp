#include "../CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray b64(const QByteArray& data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A JWT-shaped token whose signature has the size a key of `bits` gives (not verified by these commands), valid
// until 2100.
QString token(int bits) {
    return QString::fromLatin1(b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + '.' +
                               b64("{\"iat\":1764331200,\"exp\":4102444800,\"iss\":\"00D5g000004XyZ1\","
                                   "\"sub\":\"acme_agentforce\"}") +
                               '.' + b64(QByteArray(bits / 8, 'k')));
}

QString data(const char* name) {
    return QStringLiteral(HANDOFF_TEST_DATA "/") + QString::fromLatin1(name);
}

QString sampleProject() {
    return QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff");
}

QStringList composeArgs(int bits) {
    return {u"uui"_s,
            u"compose"_s,
            u"--org-id"_s,
            u"00D5g000004XyZ1"_s,
            u"--scrt2-domain"_s,
            u"acme-voice.my.salesforce-scrt.com"_s,
            u"--token"_s,
            token(bits),
            u"--call-id"_s,
            u"0LQ5g000000AbCdGAK"_s,
            u"--json"_s};
}

QJsonObject parseJson(const QByteArray& out) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("not JSON: %s", out.constData());
    }
    return doc.object();
}

// A copy of the sample project with its key file set.
QString projectWithKey(const QTemporaryDir& dir, const QString& keyFile) {
    QFile in(sampleProject());
    if (!in.open(QIODevice::ReadOnly)) {
        return {};
    }
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    QJsonArray environments = root.value(u"environments"_s).toArray();
    QJsonObject environment = environments.at(0).toObject();
    QJsonObject key = environment.value(u"key"_s).toObject();
    key.insert(u"keyFile"_s, keyFile);
    environment.insert(u"key"_s, key);
    environments.replace(0, environment);
    root.insert(u"environments"_s, environments);
    const QString path = dir.filePath(u"p.handoff"_s);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        return {};
    }
    out.write(QJsonDocument(root).toJson());
    return path;
}

} // namespace

class TestCliUui final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // By default the limit applies to the decoded data (docs/uui-budget.md): a 2048-bit RS256 UUI fits, and the long
    // hex header line is an info (SIP007), not a problem.
    void composeFitsOnTheDecodedDataByDefault() {
        const CliRun run = runHandoff(composeArgs(2048));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = parseJson(run.out);
        QCOMPARE(o.value(u"limitAppliesTo"_s).toString(), u"decodedData"_s);
        QVERIFY(o.value(u"headerLineLength"_s).toInt() > 1024);
        QStringList codes;
        for (const QJsonValue& d : o.value(u"diagnostics"_s).toArray()) {
            codes.append(d.toObject().value(u"code"_s).toString());
            QVERIFY(d.toObject().value(u"severity"_s).toString() != u"error"_s);
        }
        QVERIFY(codes.contains(u"SIP007"_s));
        QVERIFY(o.value(u"waysOut"_s).toArray().isEmpty());
    }

    // The header line reading stays selectable; under it the UUI is over, with ways out (none of them ascii).
    void composeJsonOverBudgetInHex() {
        QStringList args = composeArgs(2048);
        args << u"--limit-applies-to"_s << u"headerLine"_s;
        const CliRun run = runHandoff(args);
        QCOMPARE(run.exitCode, 1);
        const QJsonObject o = parseJson(run.out);
        for (const char* key : {"json", "jsonBytes", "encoding", "headerLine", "headerLineLength", "headerValueLength",
                                "limit", "limitAppliesTo", "fields", "diagnostics"}) {
            QVERIFY2(o.contains(QLatin1StringView(key)), key);
        }
        QCOMPARE(o.value(u"encoding"_s).toString(), u"hex"_s);
        QCOMPARE(o.value(u"limit"_s).toInt(), 1024);
        QCOMPARE(o.value(u"limitAppliesTo"_s).toString(), u"headerLine"_s);
        for (const QJsonValue& way : o.value(u"waysOut"_s).toArray()) {
            QVERIFY(way.toObject().value(u"kind"_s).toString() != u"asciiEncoding"_s);
        }
        const QByteArray json = o.value(u"json"_s).toString().toUtf8();
        QVERIFY(json.startsWith("{\"orgId\":\"00D5g000004XyZ1\",\"scrt2Domain\""));
        QCOMPARE(o.value(u"jsonBytes"_s).toInt(), json.size());
        QCOMPARE(o.value(u"headerLineLength"_s).toInt(), o.value(u"headerLine"_s).toString().size());
        int sum = 0;
        for (const QJsonValue& f : o.value(u"fields"_s).toArray()) {
            QVERIFY(f.toObject().contains(u"name"_s));
            QVERIFY(f.toObject().contains(u"bytes"_s));
            sum += f.toObject().value(u"encodedChars"_s).toInt();
        }
        QCOMPARE(sum, o.value(u"headerLineLength"_s).toInt());
        QStringList codes;
        for (const QJsonValue& d : o.value(u"diagnostics"_s).toArray()) {
            codes.append(d.toObject().value(u"code"_s).toString());
            QVERIFY(d.toObject().contains(u"severity"_s));
            QVERIFY(d.toObject().contains(u"message"_s));
        }
        QVERIFY(codes.contains(u"SIP001"_s));
        QVERIFY(codes.contains(u"SIP003"_s));
        QVERIFY(!o.value(u"waysOut"_s).toArray().isEmpty());
    }

    void composeFitsInAscii() {
        QStringList args = composeArgs(2048);
        args << u"--encoding"_s << u"ascii"_s << u"--pd"_s << u"none"_s << u"--header"_s << u"X-User-to-User"_s;
        const CliRun run = runHandoff(args);
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = parseJson(run.out);
        QCOMPARE(o.value(u"encoding"_s).toString(), u"ascii"_s);
        QVERIFY(o.value(u"headerLine"_s).toString().startsWith(u"X-User-to-User: {\"orgId\""_s));
    }

    void composeTextAndTokenFromStdin() {
        QStringList args = composeArgs(1024);
        args.removeAll(u"--json"_s);
        args[args.indexOf(u"--token"_s) + 1] = u"-"_s;
        args << u"--limit"_s << u"2000"_s << u"--param"_s << u"lang=de"_s;
        const CliRun run = runHandoff(args, token(1024).toLatin1() + '\n');
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("User-to-User: 04"));
        QVERIFY(run.out.contains("\"lang\":\"de\"}"));
        QVERIFY(run.out.contains(token(1024).toLatin1()));
    }

    void composeUsageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("nothing") << QStringList{u"uui"_s, u"compose"_s};
        QTest::newRow("bad encoding") << (composeArgs(2048) << u"--encoding"_s << u"base64"_s);
        QTest::newRow("bad pd") << (composeArgs(2048) << u"--pd"_s << u"suffix"_s);
        QTest::newRow("bad limit") << (composeArgs(2048) << u"--limit"_s << u"-3"_s);
        QTest::newRow("bad param") << (composeArgs(2048) << u"--param"_s << u"novalue"_s);
    }

    void composeUsageErrors() {
        QFETCH(QStringList, args);
        const CliRun run = runHandoff(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }

    void composeFromProjectSignsWithItsKey() {
        QTemporaryDir dir;
        const QString project = projectWithKey(dir, data("rsa2048-pkcs8-encrypted-test-only.pem"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HANDOFF_KEY_PASSPHRASE"_s, u"handoff-test-only"_s);
        const CliRun run = runHandoff({u"uui"_s, u"compose"_s, u"--project"_s, project, u"--json"_s}, {}, env);
        // A 2048-bit token in hex fits under the default reading (the decoded data) of the sample's v3 trunk.
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = parseJson(run.out);
        QVERIFY(o.value(u"json"_s).toString().contains(u"\"token\":\"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9."_s));
        QVERIFY(o.value(u"json"_s).toString().contains(u"\"transactionId\":\"order-2026-0122-5489\""_s));
        QCOMPARE(o.value(u"tokenEstimated"_s).toBool(), false);

        env.remove(u"HANDOFF_KEY_PASSPHRASE"_s);
        const CliRun wrong = runHandoff({u"uui"_s, u"compose"_s, u"--project"_s, project}, "not-it\n", env);
        QCOMPARE(wrong.exitCode, 3);
        QVERIFY(wrong.err.contains("KEY005"));
    }

    void composeSampleWithoutKeyIsAnEstimate() {
        const CliRun run = runHandoff({u"uui"_s, u"compose"_s, u"--project"_s, sampleProject()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains("Estimated"));
        QVERIFY(run.err.contains("error UUI030"));  // no key yet: that is the only error
        QVERIFY(!run.err.contains("error SIP001")); // the estimate fits on the decoded data
        QVERIFY(run.err.contains("info SIP007"));   // the header line is over 1,024: an SBC could mind
        const CliRun json = runHandoff({u"uui"_s, u"compose"_s, u"--project"_s, sampleProject(), u"--json"_s});
        QCOMPARE(parseJson(json.out).value(u"tokenEstimated"_s).toBool(), true);
    }

    void checkArticleSampleWithTypographicQuotes() {
        const QString file = data("uui/article-sample-2.txt");
        const CliRun run = runHandoff({u"uui"_s, u"check"_s, file});
        QCOMPARE(run.exitCode, 1);
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(file + u":4:1: error UUI002: "_s), qPrintable(err));
        QVERIFY(err.contains(file + u":4:7: error UUI002: "_s));
        QVERIFY(err.contains(file + u":6:39: error UUI002: "_s));
        QVERIFY(err.contains(u"U+201C"_s));
        QVERIFY(err.contains(u"error UUI019: "_s));
        QVERIFY(err.contains(u"[THIS IS A SAMPLE TOKEN]"_s));

        const CliRun fixed = runHandoff({u"uui"_s, u"check"_s, u"--fix"_s, file});
        QJsonParseError error{};
        QVERIFY(QJsonDocument::fromJson(fixed.out, &error).isObject());
        QVERIFY(!fixed.out.contains("\xe2\x80\x9c"));
        QVERIFY(!fixed.err.contains("UUI002"));
        QVERIFY(fixed.err.contains("UUI019")); // the placeholder is still there
        QCOMPARE(fixed.exitCode, 1);
    }

    void checkArticleSampleWithPlaceholderToken() {
        const QString file = data("uui/article-sample-1.txt");
        const CliRun run = runHandoff({u"uui"_s, u"check"_s, file, u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject o = parseJson(run.out);
        QCOMPARE(o.value(u"validJson"_s).toBool(), true);
        const QJsonObject budget = o.value(u"budget"_s).toObject();
        QCOMPARE(budget.value(u"encoding"_s).toString(), u"hex"_s);
        QFile sampleFile(file);
        QVERIFY(sampleFile.open(QIODevice::ReadOnly));
        QCOMPARE(budget.value(u"jsonBytes"_s).toInt(), sampleFile.readAll().trimmed().size()); // sent as pasted
        bool placeholder = false;
        for (const QJsonValue& d : o.value(u"diagnostics"_s).toArray()) {
            const QJsonObject x = d.toObject();
            if (x.value(u"code"_s).toString() == u"UUI019"_s) {
                placeholder = true;
                QCOMPARE(x.value(u"line"_s).toInt(), 4);
                QCOMPARE(x.value(u"length"_s).toInt(), 24); // [THIS IS A SAMPLE TOKEN]
                QCOMPARE(x.value(u"field"_s).toString(), u"uui.token"_s);
            }
        }
        QVERIFY(placeholder);
    }

    void checkCleanFromStdin() {
        const QByteArray text = "{\"orgId\":\"00D5g000004XyZ1\",\"scrt2Domain\":\"acme-voice.my.salesforce-scrt.com\","
                                "\"token\":\"" +
                                token(1024).toLatin1() + "\",\"callId\":\"0LQ5g000000AbCdGAK\"}";
        const CliRun run = runHandoff({u"uui"_s, u"check"_s, u"-"_s}, text);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains("no problems"));
        const CliRun strict = runHandoff({u"uui"_s, u"check"_s, u"-"_s, u"--limit"_s, u"300"_s}, text);
        QCOMPARE(strict.exitCode, 1);
        QVERIFY(strict.err.contains("<stdin>: error SIP001"));
        QCOMPARE(runHandoff({u"uui"_s, u"check"_s, u"/nonexistent/uui.json"_s}).exitCode, 3);
    }

    void exportExpression() {
        const CliRun run = runHandoff({u"uui"_s, u"export"_s, u"--project"_s, sampleProject()});
        QCOMPARE(run.exitCode, 0);
        const QString out = QString::fromUtf8(run.out).trimmed();
        QVERIFY(out.startsWith(u"Append(\"{\\\"orgId\\\":\\\"00D5g000004XyZ1\\\""_s));
        QVERIFY(out.contains(u", Task.uuiToken, "_s));
        QVERIFY(out.contains(u", Task.voiceCallId, "_s));

        const CliRun custom = runHandoff({u"uui"_s, u"export"_s, u"--project"_s, sampleProject(), u"--token-var"_s,
                                          u"Flow.tok"_s, u"--call-id-var"_s, u"Flow.vc"_s});
        QVERIFY(custom.out.contains(", Flow.tok, "));
        QVERIFY(custom.out.contains(", Flow.vc, "));

        const CliRun bad =
            runHandoff({u"uui"_s, u"export"_s, u"--project"_s, sampleProject(), u"--token-var"_s, u"uuiToken"_s});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains("EXP001"));
    }

    void exportJson() {
        // The sample's key lives in the desktop app's keychain: the literal JSON needs a token.
        const CliRun none =
            runHandoff({u"uui"_s, u"export"_s, u"--project"_s, sampleProject(), u"--format"_s, u"json"_s});
        QCOMPARE(none.exitCode, 3);
        QVERIFY(none.err.contains("CLI011"));

        const CliRun run = runHandoff({u"uui"_s, u"export"_s, u"--project"_s, sampleProject(), u"--format"_s, u"json"_s,
                                       u"--token"_s, token(2048)});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = parseJson(run.out);
        QCOMPARE(o.value(u"token"_s).toString(), token(2048));
        QCOMPARE(o.value(u"callId"_s).toString(), u"0LQ5g000000AbCdGAK"_s);
        QCOMPARE(QString::fromUtf8(run.out).trimmed().left(9), u"{\"orgId\":"_s);

        QTemporaryDir dir;
        const QString project = projectWithKey(dir, data("rsa2048-pkcs8-test-only.pem"));
        const CliRun both = runHandoff({u"uui"_s, u"export"_s, u"--project"_s, project, u"--json"_s});
        QCOMPARE(both.exitCode, 0);
        const QJsonObject b = parseJson(both.out);
        QVERIFY(b.value(u"json"_s).toString().contains(u"\"token\":\"eyJ"_s));
        QVERIFY(b.value(u"expression"_s).toString().contains(u"Task.uuiToken"_s));
    }

    void help() {
        const CliRun run = runHandoff({u"uui"_s, u"--help"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("compose"));
        QVERIFY(run.out.contains("check"));
        QVERIFY(run.out.contains("export"));
        QCOMPARE(runHandoff({u"uui"_s, u"compose"_s, u"--help"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliUui)
#include "TestCliUui.moc"
