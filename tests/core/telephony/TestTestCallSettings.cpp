#include "project/ProjectFile.h"
#include "telephony/TestCallSettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::telephony;

namespace {
QByteArray sampleProject() {
    QFile file(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray withTestCall(const QJsonObject& testCall) {
    QJsonObject root = QJsonDocument::fromJson(sampleProject()).object();
    root.insert(u"testCall"_s, testCall);
    return QJsonDocument(root).toJson();
}
} // namespace

// The optional "testCall" section of the project file (version 1, no version change).
class TestTestCallSettings final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void absentSectionStaysAbsent() {
        const auto loaded = project::ProjectFile::parse(sampleProject());
        QVERIFY(loaded);
        QVERIFY(!loaded->project.testCall.has_value());
        const QJsonObject saved = QJsonDocument::fromJson(project::ProjectFile::serialize(loaded->project)).object();
        QVERIFY(!saved.contains(u"testCall"_s));
        QCOMPARE(saved.value(u"version"_s).toInt(), project::ProjectFile::kCurrentVersion);
    }

    void roundTrip() {
        auto loaded = project::ProjectFile::parse(sampleProject());
        QVERIFY(loaded);
        TestCallSettings settings;
        settings.target = TestCallTarget::Org;
        settings.to = u"+442071838750"_s;
        settings.from = u"tel:+14155550199"_s;
        settings.initiationMethod = InitiationMethod::Transfer;
        settings.callSubtype = u"PSTN"_s;
        settings.queue = u"Support"_s;
        settings.callAttributes = {{u"Zeta__c"_s, u"1"_s}, {u"Alpha__c"_s, u"2"_s}}; // order kept
        settings.telephonyProviderName = u"genesys-cloud"_s;
        settings.defaultRegion = u"GB"_s;
        loaded->project.testCall = settings;
        const QByteArray bytes = project::ProjectFile::serialize(loaded->project);
        const auto again = project::ProjectFile::parse(bytes);
        QVERIFY(again);
        QVERIFY(again->project.testCall.has_value());
        QCOMPARE(*again->project.testCall, settings);
        QVERIFY(again->diagnostics.isEmpty());
    }

    void defaultsForMissingKeys() {
        const auto loaded = project::ProjectFile::parse(withTestCall(QJsonObject{}));
        QVERIFY(loaded);
        QVERIFY(loaded->project.testCall.has_value());
        QCOMPARE(*loaded->project.testCall, TestCallSettings{});
        QCOMPARE(loaded->project.testCall->target, TestCallTarget::Emulator);
    }

    void badValuesAreRefused_data() {
        QTest::addColumn<QJsonObject>("section");
        QTest::newRow("target") << QJsonObject{{u"target"_s, u"production"_s}};
        QTest::newRow("initiationMethod") << QJsonObject{{u"initiationMethod"_s, u"Outbound"_s}};
        QTest::newRow("attribute shape") << QJsonObject{{u"callAttributes"_s, QJsonArray{u"A__c=1"_s}}};
        QTest::newRow("to type") << QJsonObject{{u"to"_s, 14155550100.0}};
    }

    void badValuesAreRefused() {
        QFETCH(QJsonObject, section);
        const auto loaded = project::ProjectFile::parse(withTestCall(section));
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, u"PRJ003"_s);
        QVERIFY(loaded.error().message.contains(u"testCall"_s));
    }

    void unknownKeysAreKept() {
        const auto loaded = project::ProjectFile::parse(withTestCall(QJsonObject{{u"future"_s, 42}}));
        QVERIFY(loaded);
        // The unknown key (PRJ004); the sample may be of an older version, whose notices (PRJ007, PRJ008) are not
        // this test's business.
        qsizetype unknown = 0;
        for (const auto& d : loaded->diagnostics) {
            unknown += d.code == u"PRJ004"_s ? 1 : 0;
        }
        QCOMPARE(unknown, 1);
        const QJsonObject saved = QJsonDocument::fromJson(project::ProjectFile::serialize(loaded->project)).object();
        QCOMPARE(saved.value(u"testCall"_s).toObject().value(u"future"_s).toInt(), 42);
    }

    void requestFromSettings() {
        TestCallSettings settings;
        settings.callAttributes = {{u"A__c"_s, u"x"_s}};
        const VoiceCallRequest request = settings.request(u"scv4cc1"_s, u"key-1"_s);
        QCOMPARE(request.callCenterApiName, u"scv4cc1"_s);
        QCOMPARE(request.vendorCallKey, u"key-1"_s);
        QCOMPARE(request.to, settings.to);
        QCOMPARE(request.callAttributes, settings.callAttributes);
    }
};

QTEST_GUILESS_MAIN(TestTestCallSettings)
#include "TestTestCallSettings.moc"
