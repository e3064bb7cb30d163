#include "uui/UuiComposer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::uui;

class TestUuiComposer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keyOrderAndOmission_data() {
        QTest::addColumn<UuiModel>("model");
        QTest::addColumn<QByteArray>("json");

        UuiModel minimal;
        minimal.scrt2Domain = u"acme.my.salesforce-scrt.com"_s;
        minimal.token = u"a.b.c"_s;
        QTest::newRow("required only") << minimal
                                       << QByteArray(
                                              R"({"scrt2Domain":"acme.my.salesforce-scrt.com","token":"a.b.c"})");

        UuiModel full = minimal;
        full.transactionId = u"order-1"_s; // set before callId and orgId: the output order is fixed, not set order
        full.callId = u"0LQ5g000000AbCdGAK"_s;
        full.orgId = u"00D5g000004XyZ1"_s;
        full.customParams = {{u"lang"_s, u"de"_s}, {u"area"_s, u"north"_s}};
        QTest::newRow("all, custom in order")
            << full
            << QByteArray(R"({"orgId":"00D5g000004XyZ1","scrt2Domain":"acme.my.salesforce-scrt.com","token":"a.b.c",)"
                          R"("callId":"0LQ5g000000AbCdGAK","transactionId":"order-1","lang":"de","area":"north"})");

        UuiModel emptyOptional = minimal;
        emptyOptional.transactionId = QString();
        QTest::newRow("engaged empty optional is written")
            << emptyOptional
            << QByteArray(R"({"scrt2Domain":"acme.my.salesforce-scrt.com","token":"a.b.c","transactionId":""})");
    }

    void keyOrderAndOmission() {
        QFETCH(UuiModel, model);
        QFETCH(QByteArray, json);
        const ComposedUui composed = compose(model);
        QCOMPARE(composed.json, json);
        QVERIFY(composed.diagnostics.isEmpty());
        QJsonParseError error{};
        QVERIFY(QJsonDocument::fromJson(composed.json, &error).isObject());
        QCOMPARE(error.error, QJsonParseError::NoError);
    }

    void escaping_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("escaped");
        QTest::newRow("quote") << u"a\"b"_s << QByteArray("\"a\\\"b\"");
        QTest::newRow("backslash") << u"a\\b"_s << QByteArray("\"a\\\\b\"");
        QTest::newRow("newline tab") << u"a\nb\tc"_s << QByteArray("\"a\\nb\\tc\"");
        QTest::newRow("control") << QString(QChar(0x01)) << QByteArray("\"\\u0001\"");
        QTest::newRow("slash kept") << u"a/b"_s << QByteArray("\"a/b\"");
        // Non-ASCII as escapes, so that no byte is 128-255 (Genesys cannot decode such bytes from hex): RFC 8259
        // section 7, lower-case hex; a character outside the BMP as its UTF-16 surrogate pair.
        QTest::newRow("non-ascii escaped") << u"Zo\u00EB M\u00FCller"_s << QByteArray(R"("Zo\u00eb M\u00fcller")");
        QTest::newRow("sharp s") << u"Gr\u00FC\u00DFe"_s << QByteArray(R"("Gr\u00fc\u00dfe")");
        QTest::newRow("outside the BMP") << u"\U0001F600"_s << QByteArray(R"("\ud83d\ude00")");
        QTest::newRow("delete") << QString(QChar(0x7f)) << QByteArray(R"("\u007f")");
    }

    void escaping() {
        QFETCH(QString, value);
        QFETCH(QByteArray, escaped);
        QByteArray out;
        appendJsonString(out, value);
        QCOMPARE(out, escaped);
        // And it reads back as the same string.
        const QJsonDocument doc = QJsonDocument::fromJson("{\"k\":" + out + "}");
        QCOMPARE(doc.object().value(u"k"_s).toString(), value);
    }

    // Each member owns its text and the comma before it; members plus the braces are the whole JSON.
    void spansCoverTheJson() {
        UuiModel model;
        model.orgId = u"00D5g000004XyZ1"_s;
        model.scrt2Domain = u"acme.my.salesforce-scrt.com"_s;
        model.token = u"x\"y"_s;
        model.customParams = {{u"k"_s, u"v"_s}};
        const ComposedUui composed = compose(model);
        qsizetype total = ComposedUui::kBraceBytes;
        qsizetype expectedOffset = 1;
        for (const FieldSpan& span : composed.fields) {
            QCOMPARE(span.offset, expectedOffset);
            expectedOffset += span.length;
            total += span.length;
            const QByteArray text = composed.json.mid(span.offset, span.length);
            QVERIFY(text.contains(QByteArray("\"" + span.key.toUtf8() + "\":")));
        }
        QCOMPARE(total, composed.json.size());
        const FieldSpan* token = composed.find(UuiField::Token);
        QVERIFY(token);
        QCOMPARE(composed.json.mid(token->valueOffset, token->valueLength), QByteArray("x\\\"y"));
        QCOMPARE(token->overhead(), qsizetype(1 + 7 + 1 + 2)); // comma, "token", colon, two quotes
        const FieldSpan* org = composed.find(UuiField::OrgId);
        QVERIFY(org);
        QCOMPARE(org->length, qsizetype(25)); // "orgId":"00D5g000004XyZ1" (first member: no comma)
        QCOMPARE(composed.findKey(u"k"_s)->customIndex, 0);
    }

    void customKeyProblems_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << u"UUI040"_s;
        QTest::newRow("standard key") << u"token"_s << u"UUI041"_s;
        QTest::newRow("case of standard key") << u"callid"_s << u"UUI004"_s;
    }

    void customKeyProblems() {
        QFETCH(QString, key);
        QFETCH(QString, code);
        UuiModel model;
        model.scrt2Domain = u"acme.my.salesforce-scrt.com"_s;
        model.token = u"t"_s;
        model.customParams = {{key, u"v"_s}};
        const ComposedUui composed = compose(model);
        QCOMPARE(composed.diagnostics.size(), 1);
        QCOMPARE(composed.diagnostics.constFirst().code, code);
        QCOMPARE(composed.diagnostics.constFirst().where.field, u"uui.params[0]"_s);
    }

    void duplicateCustomKey() {
        UuiModel model;
        model.customParams = {{u"a"_s, u"1"_s}, {u"a"_s, u"2"_s}};
        const ComposedUui composed = compose(model);
        QCOMPARE(composed.diagnostics.size(), 1);
        QCOMPARE(composed.diagnostics.constFirst().code, u"UUI041"_s);
        QCOMPARE(composed.diagnostics.constFirst().where.field, u"uui.params[1]"_s);
    }
};

QTEST_GUILESS_MAIN(TestUuiComposer)
#include "TestUuiComposer.moc"
