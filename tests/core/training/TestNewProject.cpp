#include "flow/FlowValidator.h"
#include "project/NewProject.h"
#include "salesforce/SalesforceId.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;

class TestNewProject final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void formIsCheckedByTheOrgRules_data() {
        QTest::addColumn<QString>("orgId");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("callCenter");
        QTest::addColumn<QString>("code"); // expected error code; empty: none
        QTest::newRow("valid") << u"00D5g000004XyZ1"_s << u"acme.my.salesforce-scrt.com"_s << u"acme_cc"_s << QString();
        QTest::newRow("empty org id") << QString() << u"acme.my.salesforce-scrt.com"_s << u"acme_cc"_s << u"ORG001"_s;
        QTest::newRow("short org id") << u"00D5g000004"_s << u"acme.my.salesforce-scrt.com"_s << u"acme_cc"_s
                                      << u"ID001"_s;
        QTest::newRow("my.salesforce.com")
            << u"00D5g000004XyZ1"_s << u"acme.my.salesforce.com"_s << u"acme_cc"_s << u"ORG003"_s;
        QTest::newRow("no call centre for SCV")
            << u"00D5g000004XyZ1"_s << u"acme.my.salesforce-scrt.com"_s << QString() << u"ORG008"_s;
        QTest::newRow("bad api name") << u"00D5g000004XyZ1"_s << u"acme.my.salesforce-scrt.com"_s << u"1acme"_s
                                      << u"ORG009"_s;
    }

    void formIsCheckedByTheOrgRules() {
        QFETCH(QString, orgId);
        QFETCH(QString, domain);
        QFETCH(QString, callCenter);
        QFETCH(QString, code);
        project::NewProjectForm form{u"Acme"_s, orgId, domain, callCenter,
                                     salesforce::CustomerType::VoiceWithTelephonyProviders};
        const diagnostics::Diagnostics list = project::checkNewProjectForm(form);
        QSet<QString> errors;
        for (const auto& d : list) {
            if (d.severity == diagnostics::Severity::Error) {
                errors.insert(d.code);
                QVERIFY(d.where.field.startsWith(u"org."_s));
            }
        }
        if (code.isEmpty()) {
            QVERIFY(errors.isEmpty());
        } else {
            QVERIFY2(errors.contains(code), qPrintable(QStringList(errors.cbegin(), errors.cend()).join(u' ')));
        }
    }

    void projectFromTemplateCarriesTheOrgIntoTheFlow() {
        const QString id18 = salesforce::SalesforceId::parse(u"00D5g000004XyZ1").value().id18();
        project::NewProjectForm form{u"  Acme  "_s, id18, u"https://Acme.my.salesforce-scrt.com/"_s, u"acme_cc"_s,
                                     salesforce::CustomerType::VoiceWithTelephonyProviders};
        const project::Project p = project::projectFromTemplate(form);
        QCOMPARE(p.name, u"Acme"_s);
        QCOMPARE(p.org.orgId, id18);
        QCOMPARE(p.org.callCenterApiName, u"acme_cc"_s);
        QVERIFY(!p.flow.isEmpty());
        QVERIFY(!diagnostics::hasErrors(flow::validate(p.flow)));
        const flow::Variable* orgId = p.flow.variable(u"Flow.salesforceOrgId"_s);
        QVERIFY(orgId);
        QCOMPARE(orgId->initial.asString(), u"00D5g000004XyZ1"_s); // the 15-character form
        const flow::Variable* base = p.flow.variable(u"Flow.scrtBaseUrl"_s);
        QVERIFY(base);
        QCOMPARE(base->initial.asString(), u"https://acme.my.salesforce-scrt.com/telephony/v1"_s);
        const flow::Variable* cc = p.flow.variable(u"Flow.callCenterApiName"_s);
        QVERIFY(cc);
        QCOMPARE(cc->initial.asString(), u"acme_cc"_s);
    }

    void commonNameComesFromTheProject() {
        project::Project p;
        QCOMPARE(project::defaultCommonName(p), QString());
        p.name = u"Acme voice"_s;
        QCOMPARE(project::defaultCommonName(p), u"Acme voice"_s);
        p.org.orgId = salesforce::SalesforceId::parse(u"00D5g000004XyZ1").value().id18();
        QCOMPARE(project::defaultCommonName(p), u"00D5g000004XyZ1"_s);
        p.org.callCenterApiName = u"acme_cc"_s;
        QCOMPARE(project::defaultCommonName(p), u"acme_cc 00D5g000004XyZ1"_s);
        p.org.callCenterApiName = QString(80, u'a');
        QVERIFY(project::defaultCommonName(p).size() <= 64);
        QVERIFY(!project::defaultCommonName(p).contains(u"Handoff Studio"_s));
    }
};

QTEST_GUILESS_MAIN(TestNewProject)
#include "TestNewProject.moc"
