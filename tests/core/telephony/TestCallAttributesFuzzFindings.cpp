// Inputs with which the call_attributes fuzz target (tests/fuzz) stopped, kept in tests/data/fuzz/call_attributes/.
#include "telephony/CallAttributes.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace handoff;

class TestCallAttributesFuzzFindings final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Whatever is pasted: either the pairs are refused (TEL005), or the string the product sends reads back as the
    // same pairs, in the same order.
    void acceptedPairsReadBack_data() {
        QTest::addColumn<QByteArray>("text");
        const QDir dir(QStringLiteral(HANDOFF_TEST_DATA "/fuzz/call_attributes"));
        for (const QString& name : dir.entryList(QDir::Files)) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QTest::newRow(qPrintable(name)) << file.readAll();
        }
    }
    void acceptedPairsReadBack() {
        QFETCH(QByteArray, text);
        const telephony::ParsedCallAttributes parsed = telephony::parseCallAttributes(QString::fromUtf8(text));
        const diagnostics::Diagnostics problems = telephony::validateCallAttributes(parsed.attributes);
        if (diagnostics::hasErrors(problems) || parsed.attributes.isEmpty()) {
            return; // refused, with a reason: nothing is sent
        }
        const telephony::ParsedCallAttributes again =
            telephony::parseCallAttributes(telephony::callAttributesJson(parsed.attributes));
        QCOMPARE(again.attributes, parsed.attributes);
    }

    // The first finding: field names made of NUL bytes and broken UTF-8 are refused, not sent.
    void brokenFieldNamesAreRefused() {
        QFile file(QStringLiteral(HANDOFF_TEST_DATA "/fuzz/call_attributes/nul-and-invalid-utf8-names"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const telephony::ParsedCallAttributes parsed =
            telephony::parseCallAttributes(QString::fromUtf8(file.readAll()));
        const diagnostics::Diagnostics all = parsed.diagnostics + telephony::validateCallAttributes(parsed.attributes);
        QVERIFY(diagnostics::hasErrors(all));
    }
};

QTEST_GUILESS_MAIN(TestCallAttributesFuzzFindings)
#include "TestCallAttributesFuzzFindings.moc"
