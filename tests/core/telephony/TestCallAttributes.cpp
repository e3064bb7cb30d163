#include "telephony/CallAttributes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::telephony;

namespace {
QStringList fields(const QList<CallAttribute>& list) {
    QStringList out;
    for (const CallAttribute& a : list) {
        out << a.field + u'=' + a.value;
    }
    return out;
}
QStringList codes(const handoff::diagnostics::Diagnostics& list) {
    QStringList out;
    for (const auto& d : list) {
        out << d.code;
    }
    return out;
}
} // namespace

class TestCallAttributes final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void jsonKeepsOrderAndEscapes() {
        const QList<CallAttribute> list{{u"Zeta__c"_s, u"1"_s}, {u"Department__c"_s, u"Sales \"EMEA\"\\x"_s}};
        const QString json = callAttributesJson(list);
        QCOMPARE(json, u"{\"Zeta__c\":\"1\",\"Department__c\":\"Sales \\\"EMEA\\\"\\\\x\"}"_s);
        const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
        QCOMPARE(object.value(u"Department__c"_s).toString(), u"Sales \"EMEA\"\\x"_s);
        QCOMPARE(callAttributesJson({}), QString());
    }

    void parse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("pairs");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("json") << u"{\"B__c\":\"x\",\"A__c\":\"y\"}"_s << QStringList{u"B__c=x"_s, u"A__c=y"_s}
                              << QStringList{};
        QTest::newRow("json number") << u"{\"Count__c\": 3}"_s << QStringList{u"Count__c=3"_s} << QStringList{};
        QTest::newRow("escaped string form") << u"\"{\\\"Department__c\\\":\\\"Support\\\"}\""_s
                                             << QStringList{u"Department__c=Support"_s} << QStringList{};
        QTest::newRow("help article single quotes")
            << u"{'Department__c':'Support'}"_s << QStringList{u"Department__c=Support"_s} << QStringList{u"TEL004"_s};
        QTest::newRow("typographic quotes") << u"{\u201CDepartment__c\u201D: \u201CSupport\u201D}"_s
                                            << QStringList{u"Department__c=Support"_s} << QStringList{u"TEL004"_s};
        QTest::newRow("not an object") << u"Department__c=Support"_s << QStringList{} << QStringList{u"TEL005"_s};
        QTest::newRow("bad name") << u"{\"Depart ment\":\"x\"}"_s << QStringList{u"Depart ment=x"_s}
                                  << QStringList{u"TEL005"_s};
        QTest::newRow("duplicate") << u"{'A__c':'1','a__c':'2'}"_s << QStringList{u"A__c=1"_s, u"a__c=2"_s}
                                   << QStringList{u"TEL004"_s, u"TEL005"_s};
        QTest::newRow("empty") << u"  "_s << QStringList{} << QStringList{};
        // JSON escapes in names are decoded, and the pairs keep the order they were written in.
        QTest::newRow("json escapes in names")
            << u"{\"Z__c\":\"1\",\"\\u0044epartment__c\":\"a\\\"b\",\"Line\\u005f_c\":\"\\n\"}"_s
            << QStringList{u"Z__c=1"_s, u"Department__c=a\"b"_s, u"Line__c=\n"_s} << QStringList{};
        QTest::newRow("typographic quote inside a json string")
            << u"{\"B__c\":\"a\u201Db\",\"A__c\":\"y\"}"_s << QStringList{u"B__c=a\u201Db"_s, u"A__c=y"_s}
            << QStringList{};
        QTest::newRow("space around a name")
            << u"{\" Department__c\":\"x\"}"_s << QStringList{u" Department__c=x"_s} << QStringList{u"TEL005"_s};
        QTest::newRow("control character before a name")
            << u"{\u2018\u000BDrp\u2019:\u2019x\u2019}"_s << QStringList{u"\u000BDrp=x"_s}
            << QStringList{u"TEL004"_s, u"TEL005"_s};
    }

    void parse() {
        QFETCH(QString, text);
        QFETCH(QStringList, pairs);
        QFETCH(QStringList, codes);
        const ParsedCallAttributes parsed = parseCallAttributes(text);
        QCOMPARE(fields(parsed.attributes), pairs);
        QCOMPARE(::codes(parsed.diagnostics), codes);
    }

    void emptyNameIsReported() {
        const auto list = validateCallAttributes({{u""_s, u"x"_s}, {u"Ok__c"_s, u"y"_s}});
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.constFirst().code, u"TEL005"_s);
        QCOMPARE(list.constFirst().where.field, u"callAttributes[0]"_s);
    }
};

QTEST_GUILESS_MAIN(TestCallAttributes)
#include "TestCallAttributes.moc"
