#include "common/Clock.h"
#include "widgets/JwtView.h"

#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using handoff::FixedClock;
using handoff::widgets::JwtView;
using Part = JwtView::Part;

class TestJwtView final : public QObject {
    Q_OBJECT

private:
    static QString b64(const QByteArray& data) {
        return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }
    static QColor colourAt(const JwtView& view, int position) {
        QTextCursor cursor(view.tokenEdit()->document());
        cursor.setPosition(position + 1); // the format of the character before the cursor
        return cursor.charFormat().foreground().color();
    }

private Q_SLOTS:
    void colourRangesFollowTheDots() {
        const QString header = b64(R"({"alg":"RS256","typ":"JWT"})");
        const QString payload = b64(R"({"iss":"00DHs00000XXXXX","iat":1756767613,"exp":1756854000})");
        const QString signature = b64(QByteArray(256, '\x5a'));
        const QString token = header + u'.' + payload + u'.' + signature;

        JwtView view;
        view.setToken(token);
        const auto ranges = view.partRanges();
        QCOMPARE(ranges.size(), 3);
        QCOMPARE(ranges.at(0).part, Part::Header);
        QCOMPARE(ranges.at(0).start, 0);
        QCOMPARE(ranges.at(0).length, header.size());
        QCOMPARE(ranges.at(1).part, Part::Payload);
        QCOMPARE(ranges.at(1).start, header.size() + 1);
        QCOMPARE(ranges.at(1).length, payload.size());
        QCOMPARE(ranges.at(2).part, Part::Signature);
        QCOMPARE(ranges.at(2).start, header.size() + payload.size() + 2);
        QCOMPARE(ranges.at(2).length, signature.size());

        // The document really carries the colours: first and last character of each part.
        for (const auto& range : ranges) {
            QCOMPARE(colourAt(view, range.start), view.partColor(range.part));
            QCOMPARE(colourAt(view, range.start + range.length - 1), view.partColor(range.part));
        }
        QVERIFY(colourAt(view, header.size()) != view.partColor(Part::Header)); // the dot
        QVERIFY(view.partColor(Part::Header) != view.partColor(Part::Payload));
        QVERIFY(view.partColor(Part::Payload) != view.partColor(Part::Signature));

        QCOMPARE(view.header().value(u"alg"_s).toString(), u"RS256"_s);
        QCOMPARE(view.claims().value(u"iss"_s).toString(), u"00DHs00000XXXXX"_s);
        // The decoded claims are listed in the token's order, not sorted.
        auto* tree = view.findChild<QTreeWidget*>(u"claimsTreeWidget"_s);
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 3);
        QCOMPARE(tree->topLevelItem(0)->text(0), u"iss"_s);
        QCOMPARE(tree->topLevelItem(1)->text(0), u"iat"_s);
        QCOMPARE(tree->topLevelItem(2)->text(0), u"exp"_s);
        QVERIFY(view.decodeError().isEmpty());
    }

    void countsDownOnTheGivenClock() {
        const QString token = b64(R"({"alg":"RS256"})") + u'.' + b64(R"({"iat":1000,"exp":1000000})") + u".c2ln"_s;
        FixedClock clock = FixedClock::atSecs(1000000 - 90);
        JwtView view;
        view.setClock(&clock);
        view.setToken(token);
        QCOMPARE(view.secondsToExpiry(), std::optional<qint64>(90));
        QVERIFY(view.expiryText().contains(u"1 min 30 s"_s));
        clock.advanceSecs(100);
        QTRY_COMPARE(view.secondsToExpiry(), std::optional<qint64>(-10));
        QTRY_VERIFY(view.expiryText().startsWith(u"Expired"_s));
        view.setClock(nullptr);
        QCOMPARE(view.secondsToExpiry(), std::nullopt);
    }

    void durationsReadLikeSalesforceStatesThem_data() {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("24 h") << qint64(86400) << u"24 h"_s;
        QTest::newRow("5 min") << qint64(300) << u"5 min"_s;
        QTest::newRow("countdown") << qint64(86399) << u"23 h 59 min 59 s"_s;
        QTest::newRow("zero minutes left out") << qint64(3601) << u"1 h 1 s"_s;
        QTest::newRow("days from 48 h") << qint64(2 * 86400 + 3600 + 60 + 1) << u"2 d 1 h 1 min"_s;
        QTest::newRow("expired ago") << qint64(-90) << u"1 min 30 s"_s;
        QTest::newRow("zero") << qint64(0) << u"0 s"_s;
    }
    void durationsReadLikeSalesforceStatesThem() {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(handoff::widgets::formatDuration(seconds), text);
    }

    // The view decodes through jwt::decode, so it names the same code as `handoff jwt decode`.
    void garbageIsExplainedNotFatal_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("one part") << u"abc"_s << u"JWT001"_s;
        // "{" in base64url is "ew": a part that is base64url but not JSON.
        QTest::newRow("bad base64 json") << u"abc.def.ghi"_s << u"JWT003"_s;
        QTest::newRow("not base64url") << u"e30.e30!.sig"_s << u"JWT002"_s;
        QTest::newRow("article sample with spaces")
            << u"adbcdefgsdfsdJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIwMERTQjAwMD[THIS "
               "IS A SAMPLE TOKEN]5h AwZF.m_HWOZDjb82U 4VoF"_s
            << u"JWT001"_s;
    }
    void garbageIsExplainedNotFatal() {
        QFETCH(QString, text);
        QFETCH(QString, code);
        JwtView view;
        view.setToken(text);
        QVERIFY(!view.decodeError().isEmpty());
        QCOMPARE(view.decodeErrorCode(), code);
        QVERIFY(view.decodeError().startsWith(code));
        QCOMPARE(view.tokenEdit()->toPlainText(), text);
    }
};

QTEST_MAIN(TestJwtView)
#include "TestJwtView.moc"
