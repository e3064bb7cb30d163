#include "salesforce/SalesforceId.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::salesforce;

class TestSalesforceId final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Pairs published with Salesforce id converters (and each re-computed by hand from the algorithm), plus the
    // help article's own callId sample.
    void convertsBothWays_data() {
        QTest::addColumn<QString>("id15");
        QTest::addColumn<QString>("id18");
        QTest::newRow("widely published account") << u"001A0000006Vm9r"_s << u"001A0000006Vm9rIAC"_s;
        QTest::newRow("campaign (rubygems salesforce_id_formatter)") << u"70130000001tcyI"_s << u"70130000001tcyIAAQ"_s;
        QTest::newRow("user (pypi salesforce_id_converter)") << u"00558000001N0Ke"_s << u"00558000001N0KeAAK"_s;
        QTest::newRow("account (packagist sf15to18)") << u"001550V000WOQZi"_s << u"001550V000WOQZiACP"_s;
        QTest::newRow("contact") << u"003A0000005QB3A"_s << u"003A0000005QB3AIAW"_s;
        QTest::newRow("help article callId sample") << u"50130000009xYZ1"_s << u"50130000009xYZ1AAM"_s;
        QTest::newRow("voiceCalls response sample") << u"0LQRM0000006CSz"_s << u"0LQRM0000006CSz4AM"_s;
        QTest::newRow("all upper case letters") << u"ABCDEFGHIJKLMNO"_s << u"ABCDEFGHIJKLMNO555"_s;
        QTest::newRow("all digits") << u"000000000000000"_s << u"000000000000000AAA"_s;
    }
    void convertsBothWays() {
        QFETCH(QString, id15);
        QFETCH(QString, id18);
        QCOMPARE(caseSafeSuffix(id15), id18.right(3));
        const auto from15 = SalesforceId::parse(id15);
        QVERIFY(from15);
        QCOMPARE(from15->id18(), id18);
        const auto from18 = SalesforceId::parse(id18);
        QVERIFY2(from18, qPrintable(from18 ? QString() : from18.error().message));
        QCOMPARE(from18->id15(), id15);
        QVERIFY(*from15 == *from18);
        QVERIFY(sameId(id15, id18));
        // The message-less checks agree with parse().
        QVERIFY(isWellFormed(id15) && isWellFormed(id18));
        QCOMPARE(id18Of(id15), id18);
        QCOMPARE(id18Of(id18), id18);
    }

    void caseMangled18IsDetectedAndRepaired_data() {
        QTest::addColumn<QString>("mangled");
        QTest::addColumn<QString>("expected15");
        QTest::newRow("lower-cased") << u"001a0000006vm9riac"_s << u"001A0000006Vm9r"_s;
        QTest::newRow("upper-cased") << u"001A0000006VM9RIAC"_s << u"001A0000006Vm9r"_s;
    }
    void caseMangled18IsDetectedAndRepaired() {
        QFETCH(QString, mangled);
        QFETCH(QString, expected15);
        const auto parsed = SalesforceId::parse(mangled);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, u"ID004"_s);
        QVERIFY(!isWellFormed(mangled));
        QCOMPARE(id18Of(mangled), QString());
        const auto repaired = SalesforceId::restoreCase(mangled);
        QVERIFY(repaired);
        QCOMPARE(repaired->id15(), expected15);
        QVERIFY(parsed.error().message.contains(repaired->id18()));
    }

    void wrongSuffixIsDetected_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("ifCaseChanged"); // what restoreCase makes of it; empty when nothing
        QTest::newRow("suffix of another id") << u"001A0000006Vm9rAAA"_s << u"001a0000006vm9rAAA"_s;
        QTest::newRow("one letter flipped") << u"0LQRm0000006CSz4AM"_s << u"0LQRM0000006CSz4AM"_s;
        QTest::newRow("suffix marks a digit upper-case") << u"001A0000006Vm9rJAC"_s << QString();
        QTest::newRow("digit outside the alphabet") << u"001A0000006Vm9rIA9"_s << QString();
    }
    void wrongSuffixIsDetected() {
        QFETCH(QString, id);
        QFETCH(QString, ifCaseChanged);
        const auto parsed = SalesforceId::parse(id);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, u"ID003"_s);
        QVERIFY(!isWellFormed(id));
        QCOMPARE(id18Of(id), QString());
        const auto restored = SalesforceId::restoreCase(id);
        QCOMPARE(restored ? restored->id18() : QString(), ifCaseChanged);
        if (restored) {
            QVERIFY(parsed.error().message.contains(ifCaseChanged));
        }
    }

    void badInputIsRefused_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << u"ID001"_s;
        QTest::newRow("14 characters") << u"001A0000006Vm9"_s << u"ID001"_s;
        QTest::newRow("16 characters") << u"001A0000006Vm9rI"_s << u"ID001"_s;
        QTest::newRow("19 characters") << u"001A0000006Vm9rIACX"_s << u"ID001"_s;
        QTest::newRow("help article placeholder org id") << u"00XXXXX00000QMC"_s << QString();
        QTest::newRow("space") << u"001A0000006Vm9 "_s << u"ID002"_s;
        QTest::newRow("hyphen") << u"001A0000006Vm-r"_s << u"ID002"_s;
        QTest::newRow("non-ASCII letter") << u"001A0000006Vm9é"_s << u"ID002"_s;
    }
    void badInputIsRefused() {
        QFETCH(QString, id);
        QFETCH(QString, code);
        const auto parsed = SalesforceId::parse(id);
        QCOMPARE(isWellFormed(id), parsed.has_value());
        QCOMPARE(id18Of(id), parsed ? parsed->id18() : QString());
        if (code.isEmpty()) {
            // Shaped like an id: valid as such, but of no known kind.
            QVERIFY(parsed);
            QCOMPARE(parsed->kind(), IdKind::Unknown);
            return;
        }
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, code);
        QVERIFY(!parsed.error().message.isEmpty());
    }

    void kindsComeFromThePrefix_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<IdKind>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("org") << u"00D50000000IZ3Z"_s << IdKind::Organization << u"Organization"_s;
        QTest::newRow("voice call") << u"0LQRM0000006CSz"_s << IdKind::VoiceCall << u"VoiceCall"_s;
        QTest::newRow("account") << u"001A0000006Vm9r"_s << IdKind::Account << u"Account"_s;
        QTest::newRow("case") << u"5003000000D8cuI"_s << IdKind::Case << u"Case"_s;
        // The help article's callId sample is not a VoiceCall id: 501 is no prefix this product knows.
        QTest::newRow("help article callId") << u"50130000009xYZ1"_s << IdKind::Unknown << u"Unknown"_s;
        QTest::newRow("user") << u"00558000001N0Ke"_s << IdKind::User << u"User"_s;
        QTest::newRow("prefix is case-sensitive") << u"00d50000000IZ3Z"_s << IdKind::Unknown << u"Unknown"_s;
    }
    void kindsComeFromThePrefix() {
        QFETCH(QString, id);
        QFETCH(IdKind, kind);
        QFETCH(QString, name);
        const auto parsed = SalesforceId::parse(id);
        QVERIFY(parsed);
        QCOMPARE(parsed->kind(), kind);
        QCOMPARE(kindName(parsed->kind()), name);
        QCOMPARE(kindForPrefix(id.left(3)), kind);
    }

    void checkIdReportsWrongKindAndForm() {
        const QString field = u"uui.callId"_s;
        QVERIFY(checkId(u"0LQRM0000006CSz4AM", field, IdKind::VoiceCall, IdForm::Id18).isEmpty());

        const auto wrongKind = checkId(u"00D50000000IZ3ZEAW", field, IdKind::VoiceCall, IdForm::Id18);
        QCOMPARE(wrongKind.size(), 1);
        QCOMPARE(wrongKind.first().code, u"ID005"_s);
        QCOMPARE(wrongKind.first().where.field, field);
        QVERIFY(wrongKind.first().message.contains(u"0LQ"_s));

        const auto shortForm = checkId(u"0LQRM0000006CSz", field, IdKind::VoiceCall, IdForm::Id18);
        QCOMPARE(shortForm.size(), 1);
        QCOMPARE(shortForm.first().code, u"ID006"_s);
        QVERIFY(shortForm.first().message.contains(u"0LQRM0000006CSz4AM"_s));

        const auto longForm = checkId(u"00D50000000IZ3ZEAW", u"uui.orgId"_s, IdKind::Organization, IdForm::Id15);
        QCOMPARE(longForm.size(), 1);
        QCOMPARE(longForm.first().code, u"ID007"_s);

        const auto invalid = checkId(u"0LQ-bad", field, IdKind::VoiceCall);
        QCOMPARE(invalid.size(), 1);
        QCOMPARE(invalid.first().code, u"ID001"_s);
        QVERIFY(invalid.first().isError());
    }

    void sameIdComparesCaseSafe() {
        QVERIFY(sameId(u"00D50000000IZ3Z", u"00D50000000IZ3ZEAW"));
        QVERIFY(!sameId(u"00D50000000IZ3Z", u"00D50000000Iz3Z"));
        QVERIFY(!sameId(u"00D50000000IZ3Z", u"not an id"));
    }
};

QTEST_GUILESS_MAIN(TestSalesforceId)
#include "TestSalesforceId.moc"
