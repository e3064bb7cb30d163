#include "common/Clock.h"
#include "exports/ArchyExport.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowValidator.h"
#include "flow/Simulator.h"
#include "project/NewProject.h"
#include "project/ProjectExports.h"
#include "project/ProjectFile.h"
#include "project/SimulationSetup.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::project;

namespace {

QByteArray sample() {
    QFile file(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Project sampleProject() {
    auto loaded = ProjectFile::parse(sample());
    return loaded ? loaded->project : Project();
}

// The sample as a version 3 file: org, key and trunk at the top, no environments.
QJsonObject versionThree() {
    QJsonObject root = QJsonDocument::fromJson(sample()).object();
    const QJsonObject environment = root.value(u"environments"_s).toArray().at(0).toObject();
    for (const QString& part : {u"org"_s, u"key"_s, u"trunk"_s}) {
        root.insert(part, environment.value(part));
    }
    root.remove(u"environments"_s);
    root.remove(u"environment"_s);
    root.insert(u"version"_s, 3);
    return root;
}

// The sample with a sandbox beside production: another org, SCRT2 domain, key file and SIP address.
Project withSandbox() {
    Project p = sampleProject();
    if (!p.addEnvironment(u"sandbox"_s) || !p.selectEnvironment(u"sandbox"_s)) {
        return p;
    }
    p.org.orgId = u"00DSB0000000001"_s;
    p.org.scrt2Domain = u"acme--uat.sandbox.my.salesforce-scrt.com"_s;
    p.org.callCenterApiName = u"acme_uat"_s;
    p.key.keyFile = u"/keys/sandbox-test-only.pem"_s;
    p.sipAddress = u"+15550100999"_s;
    (void)p.selectEnvironment(u"production"_s);
    return p;
}

const flow::TraceStep* stepOf(const flow::Trace& trace, const QString& actionId) {
    for (const flow::TraceStep& s : trace.steps) {
        if (s.actionId == actionId) {
            return &s;
        }
    }
    return nullptr;
}

QString inputOf(const flow::TraceStep& step, const QString& name) {
    for (const auto& [inputName, value] : step.inputs) {
        if (inputName == name) {
            return value.toText().value_or(QString());
        }
    }
    return {};
}

} // namespace

// A project's environments (docs/environments.md): the file form, the migration, the operations, and what the
// simulation and the exports make of the selected one.
class TestEnvironments final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // A version 3 file: its org, key and trunk become one environment, with a notice; nothing else changes.
    void versionThreeBecomesOneEnvironment() {
        const QJsonObject v3 = versionThree();
        const auto loaded = ProjectFile::parse(QJsonDocument(v3).toJson());
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->fileVersion, 3);
        QCOMPARE(loaded->project.environmentNames(), QStringList{u"production"_s});
        QCOMPARE(loaded->project.org.orgId, v3.value(u"org"_s).toObject().value(u"orgId"_s).toString());
        QCOMPARE(loaded->project.trunk.parameters.size(), 2);
        QCOMPARE(loaded->diagnostics.size(), 1);
        QCOMPARE(loaded->diagnostics.constFirst().code, u"PRJ008"_s);
        QVERIFY(loaded->diagnostics.constFirst().message.contains(u"\"production\""_s));
        // Saved, it is the current sample again, key for key.
        QCOMPARE(QJsonDocument::fromJson(ProjectFile::serialize(loaded->project)).object(),
                 QJsonDocument::fromJson(ProjectFile::serialize(sampleProject())).object());
    }

    // A sandbox SCRT2 domain names the migrated environment "sandbox".
    void aSandboxDomainNamesItSandbox() {
        QJsonObject v3 = versionThree();
        QJsonObject org = v3.value(u"org"_s).toObject();
        org.insert(u"scrt2Domain"_s, u"acme--uat.sandbox.my.salesforce-scrt.com"_s);
        v3.insert(u"org"_s, org);
        const auto loaded = ProjectFile::parse(QJsonDocument(v3).toJson());
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->project.environment, u"sandbox"_s);
        QCOMPARE(loaded->project.defaultEnvironment, u"sandbox"_s);
    }

    // Every environment keeps its own settings through a save, and selecting one for a command (the CLI's --env)
    // does not change which one the file opens on.
    void twoEnvironmentsRoundTrip() {
        Project p = withSandbox();
        QVERIFY(p.selectEnvironment(u"sandbox"_s));
        QCOMPARE(p.defaultEnvironment, u"production"_s);
        const auto loaded = ProjectFile::parse(ProjectFile::serialize(p));
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message));
        QVERIFY(loaded->diagnostics.isEmpty());
        const Project& q = loaded->project;
        QCOMPARE(q.environment, u"production"_s); // the file's default
        QCOMPARE(q.environmentNames(), (QStringList{u"production"_s, u"sandbox"_s}));
        QCOMPARE(q.org.orgId, u"00D5g000004XyZ1"_s);
        QVERIFY(q.sipAddress.isEmpty());
        const Environment sandbox = q.environments().at(1);
        QCOMPARE(sandbox.org.orgId, u"00DSB0000000001"_s);
        QCOMPARE(sandbox.org.callCenterApiName, u"acme_uat"_s);
        QCOMPARE(sandbox.key.keyFile, u"/keys/sandbox-test-only.pem"_s);
        QCOMPARE(sandbox.sipAddress, u"+15550100999"_s);
        QVERIFY(sandbox.unknown.isEmpty());
        QCOMPARE(q.environments(), p.environments());
    }

    // Unknown keys of an environment that is not selected survive switching to it and back, and a save.
    void unknownKeysStayWithTheirEnvironment() {
        QJsonObject root = QJsonDocument::fromJson(ProjectFile::serialize(withSandbox())).object();
        QJsonArray list = root.value(u"environments"_s).toArray();
        QJsonObject sandbox = list.at(1).toObject();
        QJsonObject org = sandbox.value(u"org"_s).toObject();
        org.insert(u"futureOrgKey"_s, 5);
        sandbox.insert(u"org"_s, org);
        sandbox.insert(u"futureKey"_s, u"x"_s);
        list.replace(1, sandbox);
        root.insert(u"environments"_s, list);
        auto loaded = ProjectFile::parse(QJsonDocument(root).toJson());
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->diagnostics.size(), 2);
        Project p = loaded->project;
        QVERIFY(p.selectEnvironment(u"sandbox"_s));
        QVERIFY(p.selectEnvironment(u"production"_s));
        const QJsonObject saved = QJsonDocument::fromJson(ProjectFile::serialize(p)).object();
        const QJsonObject savedSandbox = saved.value(u"environments"_s).toArray().at(1).toObject();
        QCOMPARE(savedSandbox.value(u"org"_s).toObject().value(u"futureOrgKey"_s).toInt(), 5);
        QCOMPARE(savedSandbox.value(u"futureKey"_s).toString(), u"x"_s);
        // ... and not into the other environment.
        const QJsonObject savedProduction = saved.value(u"environments"_s).toArray().at(0).toObject();
        QVERIFY(!savedProduction.contains(u"futureKey"_s));
        QVERIFY(!savedProduction.value(u"org"_s).toObject().contains(u"futureOrgKey"_s));
    }

    // A project made from the template for a sandbox org starts with the environment "sandbox", as a migrated file.
    void aNewSandboxProjectNamesItSandbox() {
        NewProjectForm form;
        form.name = u"UAT"_s;
        form.orgId = u"00DSB0000000001"_s;
        form.callCenterApiName = u"acme_uat"_s;
        form.scrt2Domain = u"acme--uat.sandbox.my.salesforce-scrt.com"_s;
        QCOMPARE(projectFromTemplate(form).environmentNames(), QStringList{u"sandbox"_s});
        QCOMPARE(projectFromTemplate(form).defaultEnvironment, u"sandbox"_s);
        form.scrt2Domain = u"acme.my.salesforce-scrt.com"_s;
        QCOMPARE(projectFromTemplate(form).environmentNames(), QStringList{u"production"_s});
    }

    void operations() {
        Project p = sampleProject();
        QVERIFY(p.addEnvironment(u"sandbox"_s));
        QCOMPARE(p.environment, u"production"_s);    // adding does not switch
        QCOMPARE(p.environments().at(1).org, p.org); // a copy
        QVERIFY(p.renameEnvironment(u"sandbox"_s, u"uat"_s));
        QCOMPARE(p.environmentNames(), (QStringList{u"production"_s, u"uat"_s}));
        QVERIFY(p.selectEnvironment(u"UAT"_s)); // names compare regardless of case
        QCOMPARE(p.environment, u"uat"_s);
        QVERIFY(p.renameEnvironment(u"production"_s, u"prod"_s));
        QCOMPARE(p.defaultEnvironment, u"prod"_s); // the default follows its rename
        QCOMPARE(p.environment, u"uat"_s);
        QVERIFY(p.removeEnvironment(u"uat"_s)); // the selected one: the first remaining is selected
        QCOMPARE(p.environment, u"prod"_s);
        QCOMPARE(p.environmentNames(), QStringList{u"prod"_s});
    }

    void refusedOperationsChangeNothing_data() {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("code");
        QTest::newRow("add a bad name") << u"add:sand box"_s << u"PRJ010"_s;
        QTest::newRow("add a name with a slash") << u"add:a/b"_s << u"PRJ010"_s;
        QTest::newRow("add an empty name") << u"add:"_s << u"PRJ010"_s;
        QTest::newRow("add a name in use") << u"add:Production"_s << u"PRJ011"_s;
        QTest::newRow("copy an unknown one") << u"copy:nope"_s << u"PRJ012"_s;
        QTest::newRow("select an unknown one") << u"select:nope"_s << u"PRJ012"_s;
        QTest::newRow("rename an unknown one") << u"rename:nope"_s << u"PRJ012"_s;
        QTest::newRow("rename to a name in use") << u"rename:sandbox"_s << u"PRJ011"_s;
        QTest::newRow("remove an unknown one") << u"remove:nope"_s << u"PRJ012"_s;
    }
    void refusedOperationsChangeNothing() {
        QFETCH(QString, operation);
        QFETCH(QString, code);
        Project p = withSandbox();
        const Project before = p;
        const QString verb = operation.section(u':', 0, 0);
        const QString arg = operation.section(u':', 1);
        Result<void> r;
        if (verb == u"add"_s) {
            r = p.addEnvironment(arg);
        } else if (verb == u"copy"_s) {
            r = p.addEnvironment(u"new"_s, arg);
        } else if (verb == u"select"_s) {
            r = p.selectEnvironment(arg);
        } else if (verb == u"rename"_s) {
            r = arg == u"nope"_s ? p.renameEnvironment(arg, u"x"_s) : p.renameEnvironment(u"production"_s, arg);
        } else {
            r = p.removeEnvironment(arg);
        }
        QVERIFY(!r);
        QCOMPARE(r.error().code, code);
        QVERIFY(!r.error().message.isEmpty());
        QVERIFY(p.environments() == before.environments());
        QCOMPARE(p.environment, before.environment);
    }

    void theLastOneCannotBeRemoved() {
        Project p = sampleProject();
        const auto r = p.removeEnvironment(u"production"_s);
        QVERIFY(!r);
        QCOMPARE(r.error().code, u"PRJ013"_s);
        QCOMPARE(p.environmentNames(), QStringList{u"production"_s});
    }

    void badFilesAreRefusedWithTheirField_data() {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("field");
        QTest::newRow("no environments") << u"empty"_s << u"environments"_s;
        QTest::newRow("an environment that is no object") << u"number"_s << u"environments[0]"_s;
        QTest::newRow("a name twice") << u"twice"_s << u"environments[1].name"_s;
        QTest::newRow("a bad name") << u"badname"_s << u"environments[0].name"_s;
        QTest::newRow("a default that is none of them") << u"default"_s << u"environment"_s;
        QTest::newRow("a bad trunk value") << u"trunk"_s << u"environments[0].trunk.encoding"_s;
    }
    void badFilesAreRefusedWithTheirField() {
        QFETCH(QString, change);
        QFETCH(QString, field);
        QJsonObject root = QJsonDocument::fromJson(sample()).object();
        QJsonArray list = root.value(u"environments"_s).toArray();
        QJsonObject first = list.at(0).toObject();
        if (change == u"empty"_s) {
            list = {};
        } else if (change == u"number"_s) {
            list.replace(0, 7);
        } else if (change == u"twice"_s) {
            first.insert(u"name"_s, u"PRODUCTION"_s);
            list.append(first);
        } else if (change == u"badname"_s) {
            first.insert(u"name"_s, u"prod#1"_s);
            list.replace(0, first);
        } else if (change == u"default"_s) {
            root.insert(u"environment"_s, u"staging"_s);
        } else {
            QJsonObject trunk = first.value(u"trunk"_s).toObject();
            trunk.insert(u"encoding"_s, u"base64"_s);
            first.insert(u"trunk"_s, trunk);
            list.replace(0, first);
        }
        root.insert(u"environments"_s, list);
        const auto loaded = ProjectFile::parse(QJsonDocument(root).toJson());
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code, u"PRJ003"_s);
        QCOMPARE(loaded.error().field, field);
    }

    void aSipAddressMustBeE164() {
        Project p = sampleProject();
        p.sipAddress = u"sip:agent@example.com"_s;
        const auto problems = p.validate();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.constFirst().code, u"PRJ009"_s);
        QCOMPARE(problems.constFirst().where.field, u"sipAddress"_s);
        p.sipAddress = u"+15550100999"_s;
        QVERIFY(p.validate().isEmpty());
    }

    // The selected environment's org reaches the Call Data Action (through the template's org variables) and the
    // UUI, its SIP address the INVITE; the call reaches the agent in either environment.
    void theSimulationRunsInTheSelectedEnvironment() {
        const FixedClock clock = FixedClock::atSecs(1796194738);
        for (const QString& name : {u"production"_s, u"sandbox"_s}) {
            Project p = withSandbox();
            QVERIFY(p.selectEnvironment(name));
            flow::Simulator simulator(p.flow, simulationContext(p), clock);
            const flow::Trace trace =
                simulator.run(flow::SimulatedCall{}, flow::CallScript{telephony::CallOutcome::Success, true});
            QVERIFY2(trace.end == flow::EndState::Transferred,
                     qPrintable(name + u": "_s + trace.diagnostics.value(0).message));
            const flow::TraceStep* call = stepOf(trace, u"create-voicecall"_s);
            QVERIFY(call);
            QCOMPARE(inputOf(*call, u"salesforceOrgId"_s), p.org.orgId);
            QCOMPARE(inputOf(*call, u"callCenterApiName"_s), p.org.callCenterApiName);
            QVERIFY(inputOf(*call, u"scrtBaseUrl"_s).contains(p.org.scrt2().domain));
            const flow::TraceStep* transfer = stepOf(trace, u"transfer"_s);
            QVERIFY(transfer && transfer->invite.has_value());
            QVERIFY2(
                transfer->invite->requestLine.contains(name == u"sandbox"_s ? u"+15550100999"_s : u"+15550100100"_s),
                qPrintable(transfer->invite->requestLine));
        }
        // The project's flow check agrees: no error in either environment.
        Project p = withSandbox();
        QVERIFY(p.selectEnvironment(u"sandbox"_s));
        QVERIFY(!diagnostics::hasErrors(validateFlow(p, clock)));
    }

    // With one environment the Archy export is the flow as designed (its SIP address replacing a literal number);
    // with two, one Set UUI Data per environment behind Decisions on Flow.HandoffEnvironment, and the exported flow
    // still validates.
    void theArchyFlowHasOneSetUuiDataPerEnvironment() {
        Project single = sampleProject();
        QVERIFY(archyFlow(single) == single.flow);
        single.sipAddress = u"+15550100777"_s;
        const flow::Flow withAddress = archyFlow(single);
        QCOMPARE(withAddress.find(u"transfer")->as<flow::TransferProps>()->number, u"\"+15550100777\""_s);

        Project p = withSandbox();
        QVERIFY(p.selectEnvironment(u"sandbox"_s));
        const flow::Flow f = archyFlow(p);
        const auto problems = flow::validate(f);
        QVERIFY2(!diagnostics::hasErrors(problems), qPrintable(problems.value(0).message));
        const flow::Variable* selector = f.variable(QString::fromLatin1(kEnvironmentVariable));
        QVERIFY(selector);
        QCOMPARE(selector->initial.toText().value_or(QString()), u"sandbox"_s);
        // One Set UUI Data per environment, each with that environment's org id and SCRT2 domain.
        QStringList uuiActions;
        f.forEachAction([&](const flow::Task&, const flow::Action& a) {
            if (const auto* u = a.as<flow::SetUuiDataProps>()) {
                uuiActions.append(a.id);
                QCOMPARE(u->source, flow::UuiSource::Expression);
                const bool sandbox = a.id.endsWith(u"-sandbox"_s);
                QVERIFY2(u->expression.contains(sandbox ? u"00DSB0000000001"_s : u"00D5g000004XyZ1"_s),
                         qPrintable(u->expression));
                QVERIFY(u->expression.contains(sandbox ? u"acme--uat.sandbox.my.salesforce-scrt.com"_s
                                                       : u"acme-voice.my.salesforce-scrt.com"_s));
            }
        });
        QCOMPARE(uuiActions, (QStringList{u"set-uui-production"_s, u"set-uui-sandbox"_s}));
        // The environment's settings come first; the transfer picks the address by environment.
        QCOMPARE(f.task(f.startTaskId)->actions.front().id, u"environment-settings"_s);
        const QString number = f.find(u"transfer")->as<flow::TransferProps>()->number;
        QCOMPARE(number, u"If(Flow.HandoffEnvironment == \"production\", \"+15550100100\", \"+15550100999\")"_s);
        // The simulator runs the exported flow to the agent as the sandbox.
        const FixedClock clock = FixedClock::atSecs(1796194738);
        flow::Simulator simulator(f, simulationContext(p), clock);
        const flow::Trace trace =
            simulator.run(flow::SimulatedCall{}, flow::CallScript{telephony::CallOutcome::Success, true});
        QVERIFY2(trace.end == flow::EndState::Transferred, qPrintable(trace.diagnostics.value(0).message));
        QVERIFY(stepOf(trace, u"set-uui-sandbox"_s));
        QVERIFY(!stepOf(trace, u"set-uui-production"_s));
        // And it is valid Archy.
        QVERIFY(exportArchy(p).has_value());
    }
};

QTEST_GUILESS_MAIN(TestEnvironments)
#include "TestEnvironments.moc"
