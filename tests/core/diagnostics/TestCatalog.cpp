#include "diagnostics/Catalog.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::diagnostics;

class TestCatalog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void codesAreUniqueAndWellFormed() {
        QSet<QString> seen;
        static const QRegularExpression shape(u"^[A-Z]{2,4}[0-9]{3}$"_s);
        for (const CodeInfo& info : catalog()) {
            const QString code = QString::fromLatin1(info.code);
            QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
            QVERIFY2(!seen.contains(code), qPrintable(u"duplicate code "_s + code));
            seen.insert(code);
            QVERIFY2(qstrlen(info.summary) > 10, qPrintable(code));
        }
    }

    // make() finds every code in its index: the code's name, its catalog severity, the message and place as given.
    void makeGivesEachCodeItsSeverity() {
        for (const CodeInfo& info : catalog()) {
            const Diagnostic d = make(info.code, u"message"_s, Location{u"field"_s});
            QCOMPARE(d.code, QString::fromLatin1(info.code));
            QCOMPARE(d.severity, info.severity);
            QCOMPARE(d.message, u"message"_s);
            QCOMPARE(d.where.field, u"field"_s);
        }
        // A code given from a buffer of its own (not the catalog's literal) is found by its characters.
        const QByteArray copy("UUI025");
        QCOMPARE(make(copy.constData(), {}).severity, findCode(u"UUI025"_s)->severity);
    }

    // Every code in the catalog is documented for users in docs/diagnostics.md, and the document names no code
    // that the catalog lacks.
    void everyCodeIsDocumented() {
        QFile doc(QStringLiteral(HANDOFF_SOURCE_DIR "/docs/diagnostics.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(doc.readAll());
        static const QRegularExpression row(u"^\\| `([A-Z]{2,4}[0-9]{3})` \\| ([a-z]+) \\|"_s,
                                            QRegularExpression::MultilineOption);
        QHash<QString, QString> documented; // code -> severity as documented
        for (auto it = row.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            // One row a code: two rows drift apart (it happened to FLW040).
            QVERIFY2(!documented.contains(match.captured(1)),
                     qPrintable(u"documented twice in docs/diagnostics.md: "_s + match.captured(1)));
            documented.insert(match.captured(1), match.captured(2));
        }
        for (const CodeInfo& info : catalog()) {
            const QString code = QString::fromLatin1(info.code);
            QVERIFY2(documented.contains(code), qPrintable(u"not in docs/diagnostics.md: "_s + code));
            const QString severity = severityName(info.severity);
            QVERIFY2(documented.value(code) == severity,
                     qPrintable(u"%1 is documented as %2 but the catalog says %3"_s.arg(code, documented.value(code),
                                                                                        severity)));
        }
        for (const QString& code : documented.keys()) {
            QVERIFY2(findCode(code).has_value(), qPrintable(u"documented but not in the catalog: "_s + code));
        }
    }

    void makeTakesSeverityFromTheCatalog() {
        const CodeInfo first = catalog().constFirst();
        const Diagnostic d = make(first.code, u"text"_s, Location{u"field"_s});
        QCOMPARE(d.code, QString::fromLatin1(first.code));
        QCOMPARE(d.severity, first.severity);
        QCOMPARE(d.where.field, u"field"_s);
    }

    void worstSeverity() {
        Diagnostics list;
        QCOMPARE(handoff::diagnostics::worstSeverity(list), Severity::Info);
        QVERIFY(!hasErrors(list));
        list.append(Diagnostic{u"X"_s, Severity::Warning, {}, {}});
        QCOMPARE(handoff::diagnostics::worstSeverity(list), Severity::Warning);
        QVERIFY(!hasErrors(list));
        list.append(Diagnostic{u"Y"_s, Severity::Error, {}, {}});
        QCOMPARE(handoff::diagnostics::worstSeverity(list), Severity::Error);
        QVERIFY(hasErrors(list));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "TestCatalog.moc"
