// core/exports: the Function Data Action package, its settings in the project file, and the contract rule check.
#include "exports/DataActionContracts.h"
#include "exports/FunctionPackage.h"
#include "project/ProjectFile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QStringList codes(const handoff::diagnostics::Diagnostics& list) {
    QStringList out;
    for (const auto& d : list) {
        out.append(d.code);
    }
    return out;
}

// JSON written with single quotes, for readable test tables.
QByteArray j(const char* text) {
    return QByteArray(text).replace('\'', '"');
}

handoff::project::Project sample() {
    auto loaded =
        handoff::project::ProjectFile::load(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"));
    return loaded ? loaded->project : handoff::project::Project();
}
} // namespace

class TestFunctionExport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void settingsDefaultAndRoundTrip() {
        handoff::project::Project p = sample();
        QCOMPARE(p.functionDataAction.runtime, u"nodejs20.x"_s);
        QCOMPARE(p.functionDataAction.timeoutSeconds, 15);
        // Defaults are not written, so files that never changed them stay as they were.
        QVERIFY(!handoff::project::ProjectFile::serialize(p).contains("functionDataAction"));
        p.functionDataAction.runtime = u"nodejs22.x"_s;
        p.functionDataAction.timeoutSeconds = 9;
        const QByteArray text = handoff::project::ProjectFile::serialize(p);
        const auto back = handoff::project::ProjectFile::parse(text);
        QVERIFY(back.has_value());
        QCOMPARE(back->project.functionDataAction, p.functionDataAction);
        QVERIFY(back->diagnostics.isEmpty());
    }

    void settingsWrongTypeIsRefused() {
        QJsonObject root = QJsonDocument::fromJson(handoff::project::ProjectFile::serialize(sample())).object();
        root.insert(u"functionDataAction"_s, QJsonObject{{u"timeoutSeconds"_s, u"fifteen"_s}});
        const auto parsed = handoff::project::ProjectFile::parse(QJsonDocument(root).toJson());
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().code, u"PRJ003"_s);
        QVERIFY(parsed.error().message.contains(u"functionDataAction.timeoutSeconds"_s));
    }

    void settingsValidate_data() {
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<int>("timeout");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("defaults") << u"nodejs20.x"_s << 15 << QStringList{};
        QTest::newRow("node 18, 1 s") << u"nodejs18.x"_s << 1 << QStringList{};
        QTest::newRow("node 16") << u"nodejs16.x"_s << 15 << QStringList{u"EXP010"_s};
        QTest::newRow("not node") << u"python3.12"_s << 15 << QStringList{u"EXP010"_s};
        QTest::newRow("0 s") << u"nodejs20.x"_s << 0 << QStringList{u"EXP011"_s};
        QTest::newRow("16 s") << u"nodejs20.x"_s << 16 << QStringList{u"EXP011"_s};
    }
    void settingsValidate() {
        QFETCH(QString, runtime);
        QFETCH(int, timeout);
        QFETCH(QStringList, expected);
        handoff::exports::FunctionSettings s;
        s.runtime = runtime;
        s.timeoutSeconds = timeout;
        QCOMPARE(codes(s.validate()), expected);
    }

    void packageFillsInThePolicy() {
        handoff::project::Project p = sample();
        p.uuiToken.ttlSeconds = 3600;
        p.functionDataAction.timeoutSeconds = 7;
        const handoff::exports::FunctionPackage package = handoff::exports::buildFunctionPackage(p);
        QVERIFY(package.ok());
        QCOMPARE(codes(package.diagnostics), QStringList{u"EXP013"_s}); // the sample names no key
        const QByteArray index = package.file(u"src/index.js"_s);
        const QJsonObject policy = QJsonDocument::fromJson(handoff::exports::functionPolicyJson(p)).object();
        QCOMPARE(policy.value(u"uuiToken"_s).toObject().value(u"ttlSeconds"_s).toInt(), 3600);
        QCOMPARE(policy.value(u"timeoutSeconds"_s).toInt(), 7);
        QCOMPARE(policy.value(u"includeSubject"_s).toBool(), true);
        QVERIFY(index.contains(QByteArray("const POLICY = " + handoff::exports::functionPolicyJson(p) + ';')));

        p.org.customerType = handoff::salesforce::CustomerType::Other;
        QCOMPARE(QJsonDocument::fromJson(handoff::exports::functionPolicyJson(p)).object().value(u"includeSubject"_s),
                 QJsonValue(false));
        p.uuiToken.ttlSeconds = 2 * 24 * 60 * 60;
        QVERIFY(codes(handoff::exports::buildFunctionPackage(p).diagnostics).contains(u"EXP012"_s));
    }

    void handlerParsesWithNode() {
        // `node --check` parses the generated file without running it: a syntax error in the template shows here.
        QTemporaryDir dir;
        const QByteArray index = handoff::exports::buildFunctionPackage(sample()).file(u"src/index.js"_s);
        QFile file(dir.filePath(u"index.js"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(index);
        file.close();
        QProcess node;
        node.start(u"node"_s, {u"--check"_s, file.fileName()});
        QVERIFY(node.waitForFinished(30000));
        QVERIFY2(node.exitCode() == 0, node.readAllStandardError().constData());
    }

    void zipNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("plain") << u"voicecall-function.zip"_s << true;
        QTest::newRow("all allowed") << u"Fn+1_(v2)'s.x-y.zip"_s << true;
        QTest::newRow("space") << u"my function.zip"_s << false;
        QTest::newRow("umlaut") << u"fünktion.zip"_s << false;
        QTest::newRow("not a zip") << u"function.tar"_s << false;
    }
    void zipNames() {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QCOMPARE(handoff::exports::isUploadableZipName(name), ok);
    }

    void writesAtomicallyAndRefusesExisting() {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"fn.zip"_s);
        const handoff::exports::FunctionPackage package = handoff::exports::buildFunctionPackage(sample());
        QVERIFY(handoff::exports::writeFunctionZip(package, out, false).has_value());
        const auto again = handoff::exports::writeFunctionZip(package, out, false);
        QVERIFY(!again.has_value());
        QCOMPARE(again.error().code, u"EXP014"_s);
        QVERIFY(handoff::exports::writeFunctionZip(package, out, true).has_value());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"fn.zip"_s}); // no temporary left behind
    }

    void ownContractsPassTheCheck() {
        const auto contracts = handoff::exports::buildDataActionContracts(sample());
        QCOMPARE(codes(handoff::exports::checkContract(contracts.inputContract, handoff::exports::ContractKind::Input)),
                 QStringList{});
        QCOMPARE(
            codes(handoff::exports::checkContract(contracts.outputContract, handoff::exports::ContractKind::Output)),
            QStringList{});
        QVERIFY(contracts.requestTemplate.contains("$esc.jsonString($!{credentials.privateKey})"));
        for (const QString& name : handoff::exports::functionInputNames()) {
            QVERIFY(
                contracts.requestTemplate.contains(QByteArray("$esc.jsonString($!{input." + name.toLatin1() + "})")));
        }
    }

    void contractRules_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("output");
        QTest::addColumn<QStringList>("expected");
        const QByteArray tail = j(",'additionalProperties':false}");
        QTest::newRow("not json") << QByteArray("{") << false << QStringList{u"EXP020"_s};
        QTest::newRow("not an object schema") << QByteArray(j("{'type':'array','properties':{}}") + tail.mid(0, 0))
                                              << false << QStringList{u"EXP020"_s, u"EXP028"_s};
        QTest::newRow("name with digit first")
            << QByteArray(j("{'type':'object','properties':{'1to':{'type':'string'}}") + tail) << false
            << QStringList{u"EXP021"_s};
        QTest::newRow("name with a dot") << QByteArray(j("{'type':'object','properties':{'a.b':{'type':'string'}}") +
                                                       tail)
                                         << false << QStringList{u"EXP021"_s};
        for (const char* reserved : {"orgId", "integrationId", "rawRequest"}) {
            QTest::newRow(reserved) << QByteArray(j("{'type':'object','properties':{'") + QByteArray(reserved) +
                                                  j("':{'type':'string'}}") + tail)
                                    << false << QStringList{u"EXP022"_s};
        }
        QTest::newRow("nested object input")
            << QByteArray(j("{'type':'object','properties':{'a':{'type':'object','properties':{}}}") + tail) << false
            << QStringList{u"EXP023"_s};
        QTest::newRow("array input") << QByteArray(j("{'type':'object','properties':{'a':{'type':'array'}}") + tail)
                                     << false << QStringList{u"EXP023"_s};
        QTest::newRow("bad input type") << QByteArray(j("{'type':'object','properties':{'a':{'type':'date'}}") + tail)
                                        << false << QStringList{u"EXP024"_s};
        QTest::newRow("$ref") << QByteArray(j("{'type':'object','properties':{'a':{'$ref':'#/x'}}") + tail) << true
                              << QStringList{u"EXP025"_s};
        QTest::newRow("nested arrays in output")
            << QByteArray(j("{'type':'object','properties':{'a':{'type':'array','items':{'type':'array'}}}") + tail)
            << true << QStringList{u"EXP026"_s};
        QTest::newRow("one array in output is fine")
            << QByteArray(j("{'type':'object','properties':{'a':{'type':'array','items':{'type':'string'}}}") + tail)
            << true << QStringList{};
        QByteArray deep = j("{'type':'object','properties':{'a':");
        for (int i = 0; i < 30; ++i) {
            deep += j("{'type':'object','properties':{'a':");
        }
        deep += j("{'type':'string'}");
        for (int i = 0; i < 31; ++i) {
            deep += "}}";
        }
        deep.chop(1);
        deep += tail;
        QTest::newRow("deeper than 50") << deep << true << QStringList{u"EXP027"_s};
        QTest::newRow("additionalProperties open")
            << QByteArray(j("{'type':'object','properties':{'a':{'type':'string'}}}")) << false
            << QStringList{u"EXP028"_s};
        QTest::newRow("required not a property")
            << QByteArray(j("{'type':'object','required':['b'],'properties':{'a':{'type':'string'}}") + tail) << false
            << QStringList{u"EXP029"_s};
        QTest::newRow("private key as input")
            << QByteArray(j("{'type':'object','properties':{'privateKey':{'type':'string'}}") + tail) << false
            << QStringList{u"EXP030"_s};
    }
    void contractRules() {
        QFETCH(QByteArray, json);
        QFETCH(bool, output);
        QFETCH(QStringList, expected);
        QCOMPARE(codes(handoff::exports::checkContract(json, output ? handoff::exports::ContractKind::Output
                                                                    : handoff::exports::ContractKind::Input)),
                 expected);
    }
};

QTEST_GUILESS_MAIN(TestFunctionExport)
#include "TestFunctionExport.moc"
