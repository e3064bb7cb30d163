#include "telephony/CurlCommand.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::telephony;

class TestCurlCommand final : public QObject {
    Q_OBJECT

private:
    // What a POSIX shell makes of `words` (one argument per line), via printf.
    static QStringList shellWords(const QString& words) {
        QProcess sh;
        sh.start(u"/bin/sh"_s, {u"-c"_s, u"printf '%s\\n' "_s + words});
        sh.waitForFinished();
        return QString::fromUtf8(sh.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void quoting_data() {
        QTest::addColumn<QString>("argument");
        QTest::newRow("plain") << u"abc"_s;
        QTest::newRow("single quote") << u"it's"_s;
        QTest::newRow("json") << u"{\"a\":\"b c\",\"d\":\"'x'\"}"_s;
        QTest::newRow("dollar and backtick") << u"$HOME `id` $(id)"_s;
        QTest::newRow("backslash") << u"a\\nb"_s;
        QTest::newRow("unicode") << u"Zürich"_s;
    }

    void quoting() {
        QFETCH(QString, argument);
        QCOMPARE(shellWords(shellQuote(argument)), QStringList{argument});
    }

    void tokenRedactedUnlessAsked() {
        HttpRequestSpec spec = voiceCallsHttpRequest(QUrl(u"http://127.0.0.1:8443/telephony/v1/voiceCalls"_s),
                                                     R"({"from":"it's"})", "aaa.bbb.ccc", {});
        const QString redacted = renderCurl(spec);
        QVERIFY(!redacted.contains(u"aaa.bbb.ccc"_s));
        QVERIFY(redacted.contains(u"\"Authorization: Bearer $HANDOFF_API_TOKEN\""_s));
        QVERIFY(redacted.startsWith(u"curl "_s));
        CurlOptions reveal;
        reveal.revealToken = true;
        QVERIFY(renderCurl(spec, reveal).contains(u"'Authorization: Bearer aaa.bbb.ccc'"_s));
    }

    void argumentsSurviveTheShell() {
        HttpRequestSpec spec = voiceCallsHttpRequest(QUrl(u"http://127.0.0.1:1/telephony/v1/voiceCalls"_s),
                                                     R"({"from":"it's $x"})", "aaa.bbb.ccc", {});
        CurlOptions options;
        options.multiline = true;
        options.caCertFile = u"/tmp/my cert.pem"_s;
        QString command = renderCurl(spec, options).trimmed();
        command.remove(0, 5); // "curl "
        const QStringList words = shellWords(command);
        QVERIFY(words.contains(u"{\"from\":\"it's $x\"}"_s));
        QVERIFY(words.contains(u"/tmp/my cert.pem"_s));
        QVERIFY(words.contains(u"Authorization: Bearer "_s)); // variable unset here: expands to nothing
        QVERIFY(words.contains(u"http://127.0.0.1:1/telephony/v1/voiceCalls"_s));
    }
};

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "TestCurlCommand.moc"
