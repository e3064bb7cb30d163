#include "common/TextPosition.h"
#include "flow/JsonLocator.h"

#include <QString>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using handoff::text::positionAt;

// The one offset -> line/column function (issue 8 item 7): lines are 1-based, columns count characters (code
// points), so "ü" (2 bytes, 1 UTF-16 unit) and U+1F600 (4 bytes, 2 UTF-16 units) each take one column.
class TestTextPosition final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void position_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("start") << QByteArray("abc") << 0 << 1 << 1;
        QTest::newRow("same line") << QByteArray("abc") << 2 << 1 << 3;
        QTest::newRow("second line") << QByteArray("ab\ncd") << 4 << 2 << 2;
        QTest::newRow("at the newline") << QByteArray("ab\ncd") << 2 << 1 << 3;
        QTest::newRow("just after the newline") << QByteArray("ab\ncd") << 3 << 2 << 1;
        QTest::newRow("crlf: the carriage return is a character") << QByteArray("a\r\nb") << 3 << 2 << 1;
        // "ü" is two bytes but one character.
        QTest::newRow("two-byte character") << QByteArray("\xc3\xbc"
                                                          "x")
                                            << 2 << 1 << 2;
        // U+1F600 is four bytes and two UTF-16 code units, one character.
        QTest::newRow("four-byte character") << QByteArray("\xf0\x9f\x98\x80"
                                                           "x")
                                             << 4 << 1 << 2;
        QTest::newRow("negative offset clamps to the start") << QByteArray("abc") << -5 << 1 << 1;
        QTest::newRow("offset past the end clamps to the end") << QByteArray("ab\nc") << 99 << 2 << 2;
    }

    void position() {
        QFETCH(QByteArray, text);
        QFETCH(int, offset);
        QFETCH(int, line);
        QFETCH(int, column);
        const auto at = positionAt(text, offset);
        QCOMPARE(at.line, line);
        QCOMPARE(at.column, column);
        QCOMPARE(at.offset, std::clamp<qsizetype>(offset, 0, text.size()));
    }

    // Against Qt's own UTF-8 decoder: the column is the number of code points before the offset on its line, plus
    // one, for every character boundary of a mixed text.
    void agreesWithDecodedCodePoints() {
        const QByteArray text =
            QString(u"a\u00fc\u20ac\n"_s + QString::fromUcs4(U"\U0001F600") + u"x\u00e9 b"_s).toUtf8();
        for (qsizetype i = 0; i <= text.size(); ++i) {
            if (i < text.size() && (static_cast<uchar>(text[i]) & 0xC0) == 0x80) {
                continue; // not a character boundary
            }
            const QByteArray before = text.left(i);
            const qsizetype lineStart = before.lastIndexOf('\n') + 1;
            const auto expectedColumn = QString::fromUtf8(before.mid(lineStart)).toUcs4().size() + 1;
            const auto at = positionAt(text, i);
            QCOMPARE(at.line, static_cast<int>(before.count('\n')) + 1);
            QCOMPARE(at.column, static_cast<int>(expectedColumn));
        }
    }

    // The JSON locator reports in the same unit: a key after a four-byte character on its line.
    void jsonLocatorUsesTheSameUnit() {
        const QByteArray json =
            QString(u"{\"n\":\""_s + QString::fromUcs4(U"\U0001F600") + u"\", \"k\": 1}"_s).toUtf8();
        const auto at = handoff::flow::locateJsonPath(json, u"k");
        QVERIFY(at.has_value());
        const qsizetype keyOffset = json.indexOf("\"k\"");
        QCOMPARE(at->offset, keyOffset);
        QCOMPARE(at->line, 1);
        QCOMPARE(at->column, positionAt(json, keyOffset).column);
        QCOMPARE(at->column, 11); // {"n":"😀", "k"  -> 10 characters before the key's quote
    }
};

QTEST_GUILESS_MAIN(TestTextPosition)
#include "TestTextPosition.moc"
