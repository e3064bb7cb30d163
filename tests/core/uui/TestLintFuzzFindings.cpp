// Inputs with which the uui_lint fuzz target (tests/fuzz) found a problem, kept in tests/data/fuzz/uui_lint/.
#include "common/Clock.h"
#include "uui/UuiLint.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;

class TestLintFuzzFindings final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Every location of every diagnostic lies inside the checked text: an editor highlights exactly that range.
    void locationsStayInsideTheText_data() {
        QTest::addColumn<QByteArray>("text");
        const QDir dir(QStringLiteral(HANDOFF_TEST_DATA "/fuzz/uui_lint"));
        const QStringList files = dir.entryList(QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString& name : files) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QTest::newRow(qPrintable(name)) << file.readAll();
        }
        QTest::newRow("cut off after a key") << QByteArray(R"({"orgId")");
        QTest::newRow("one typographic quote") << QByteArray("\xe2\x80\x9c");
    }
    void locationsStayInsideTheText() {
        QFETCH(QByteArray, text);
        const FixedClock clock = FixedClock::atSecs(1795867200);
        const uui::LintResult result = uui::lint(text, clock);
        QVERIFY(!result.validJson);
        QVERIFY(!result.diagnostics.isEmpty());
        for (const auto& diagnostic : result.diagnostics) {
            const auto& where = diagnostic.where;
            if (where.offset < 0) {
                continue;
            }
            QVERIFY2(where.offset + where.length <= text.size(),
                     qPrintable(u"%1 at %2+%3 in %4 bytes"_s.arg(diagnostic.code)
                                    .arg(where.offset)
                                    .arg(where.length)
                                    .arg(text.size())));
            QVERIFY(where.line >= 1);
            QVERIFY(where.column >= 1);
        }
    }

    // The empty text is reported as not JSON, at line 1, column 1, with an empty range.
    void emptyText() {
        const FixedClock clock = FixedClock::atSecs(1795867200);
        const uui::LintResult result = uui::lint(QByteArray(), clock);
        QCOMPARE(result.diagnostics.size(), 1);
        QCOMPARE(result.diagnostics.first().code, u"UUI001"_s);
        QCOMPARE(result.diagnostics.first().where.offset, 0);
        QCOMPARE(result.diagnostics.first().where.length, 0);
        QCOMPARE(result.diagnostics.first().where.line, 1);
    }
};

QTEST_GUILESS_MAIN(TestLintFuzzFindings)
#include "TestLintFuzzFindings.moc"
