#include "flow/JsonLocator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using handoff::flow::locateJsonPath;

class TestJsonLocator final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void locates_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("complete");

        const QByteArray doc = "{\n"
                               "  \"name\": \"x\",\n"
                               "  \"flow\": {\n"
                               "    \"actions\": [\n"
                               "      {\"id\": \"a\", \"props\": {\"mode\": \"both\"}},\n"
                               "      {\"id\": \"b\", \"text\": \"a \\\"quoted\\\" ] } value\", \"kind\": \"x\"}\n"
                               "    ]\n"
                               "  },\n"
                               "  \"é\": 1, \"after\": true\n"
                               "}\n";
        QTest::newRow("top key") << doc << u"name"_s << 2 << 3 << true;
        QTest::newRow("nested") << doc << u"flow.actions[0].props.mode"_s << 5 << 29 << true;
        QTest::newRow("array element") << doc << u"flow.actions[1]"_s << 6 << 7 << true;
        QTest::newRow("past tricky string") << doc << u"flow.actions[1].kind"_s << 6 << 53 << true;
        QTest::newRow("after utf-8 key") << doc << u"after"_s << 9 << 11 << true;
        QTest::newRow("missing: nearest parent") << doc << u"flow.actions[0].props.target"_s << 5 << 19 << false;
        QTest::newRow("index out of range") << doc << u"flow.actions[7]"_s << 4 << 5 << false;
    }

    void locates() {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(bool, complete);
        const auto at = locateJsonPath(json, path);
        QVERIFY(at.has_value());
        QCOMPARE(at->line, line);
        QCOMPARE(at->column, column);
        QCOMPARE(locateJsonPath(json, path, false).has_value(), complete);
    }

    void brokenTextDoesNotCrash() {
        QVERIFY(locateJsonPath("{\"a\": [1, 2", u"a[5]"_s).has_value());
        QVERIFY(!locateJsonPath("{\"a\": ", u"a.b"_s, false).has_value());
        QVERIFY(!locateJsonPath("", u"a"_s, false).has_value());
        QVERIFY(!locateJsonPath("{}", u"a[x]"_s).has_value());
    }
};

QTEST_GUILESS_MAIN(TestJsonLocator)
#include "TestJsonLocator.moc"
