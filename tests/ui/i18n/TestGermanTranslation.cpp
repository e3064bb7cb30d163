// Core messages reach the German desktop app translated: each row produces a message through a core module's real
// function, once without and once with the German translator installed (the .qm handoff-studio embeds).

#include "common/Clock.h"
#include "crypto/PrivateKey.h"
#include "diagnostics/Catalog.h"
#include "flow/Expression.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowValidator.h"
#include "salesforce/SalesforceId.h"
#include "telephony/Endpoint.h"
#include "uui/SipHeaderBudget.h"
#include "uui/UuiLint.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include <functional>

using namespace Qt::StringLiterals;
using namespace handoff;

using Produce = std::function<QString()>;
Q_DECLARE_METATYPE(Produce)

namespace {

const FixedClock kClock = FixedClock::atSecs(1767225600); // 2026-01-01T00:00:00Z

QString firstMessage(const diagnostics::Diagnostics& list, const QString& code) {
    for (const diagnostics::Diagnostic& d : list) {
        if (d.code == code) {
            return d.message;
        }
    }
    return {};
}

// A UUI whose token alone is 600 characters: far over a limit of 200 characters in hex.
uui::SipBudget overflowingBudget() {
    uui::UuiModel model;
    model.scrt2Domain = u"mycompany.my.salesforce-scrt.com"_s;
    model.token = QString(600, u'x');
    model.transactionId = u"order-2026-0122-5489"_s;
    uui::TrunkUuiProfile profile;
    profile.limit = 200;
    return uui::budget(model, profile);
}

} // namespace

class TestGermanTranslation final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_translator.load(u":/i18n/handoff_de.qm"_s), "the compiled German translation is not embedded");
        QVERIFY(!m_translator.isEmpty());
    }

    void coreMessagesAreGerman_data() {
        QTest::addColumn<Produce>("produce");

        QTest::newRow("salesforce: invalid id character") << Produce(
            [] { return firstMessage(salesforce::checkId(u"00D5g000004AB!D"_s, u"org.orgId"_s), u"ID002"_s); });
        QTest::newRow("salesforce: mangled 18-character id")
            << Produce([] { return salesforce::checkId(u"00D5g000004ABCDXYZ"_s, u"org.orgId"_s).value(0).message; });
        QTest::newRow("uui: lint of bad JSON") << Produce(
            [] { return uui::lint(R"({"orgId": "00D5g000004ABCD", )", kClock).diagnostics.value(0).message; });
        QTest::newRow("uui: typographic quotes") << Produce([] {
            return firstMessage(uui::lint("{\xE2\x80\x9CorgId\xE2\x80\x9D: \"x\"}", kClock).diagnostics, u"UUI002"_s);
        });
        QTest::newRow("uui: budget overflow")
            << Produce([] { return firstMessage(overflowingBudget().diagnostics, u"SIP001"_s); });
        QTest::newRow("uui: a way out") << Produce([] { return overflowingBudget().waysOut.value(0).message; });
        QTest::newRow("flow: validator rule (E.164)") << Produce([] {
            flow::Flow f = flow::sipTransferTemplate();
            f.find(u"transfer"_s)->as<flow::TransferProps>()->number = u"\"tel:+1 555 010 0100\""_s;
            return firstMessage(flow::validate(f), u"FLW015"_s);
        });
        QTest::newRow("flow: expression lexer")
            << Produce([] { return flow::evaluate(u"Call.Ani <> \"x\""_s, flow::VariableMap{}).error().message; });
        QTest::newRow("flow: template text") << Produce([] { return flow::sipTransferTemplate().description; });
        QTest::newRow("diagnostics: catalog summary")
            << Produce([] { return diagnostics::translatedSummary(*diagnostics::findCode(u"UUI001"_s)); });
        QTest::newRow("telephony: endpoint") << Produce([] {
            return telephony::resolveEndpoint(u"ftp://mycompany.my.salesforce-scrt.com"_s).diagnostics.value(0).message;
        });
        QTest::newRow("crypto: not a private key") << Produce([] {
            return crypto::PrivateKey::fromPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
                .error()
                .message;
        });
    }

    void coreMessagesAreGerman() {
        QFETCH(Produce, produce);
        const QString english = produce();
        QVERIFY2(!english.isEmpty(), "the row produced no message: fix the row");

        QVERIFY(QCoreApplication::installTranslator(&m_translator));
        const QString german = produce();
        QCoreApplication::removeTranslator(&m_translator);

        QVERIFY2(!german.isEmpty(), qPrintable(english));
        QVERIFY2(german != english, qPrintable(u"not translated: "_s + english));
        QVERIFY(!german.contains(u"unfinished"_s, Qt::CaseInsensitive));
        // After removing the translator the message is English again (nothing cached in core).
        QCOMPARE(produce(), english);
    }

    // Numerus forms: one and several come out as different, correct German.
    void pluralFormsAreGerman() {
        auto tokenParts = [](const QString& token) {
            return firstMessage(
                uui::lint((u"{\"scrt2Domain\":\"a.my.salesforce-scrt.com\",\"token\":\""_s + token + u"\"}"_s).toUtf8(),
                          kClock)
                    .diagnostics,
                u"UUI020"_s);
        };
        const QString englishOne = tokenParts(u"abc"_s);
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
        const QString one = tokenParts(u"abc"_s);
        const QString two = tokenParts(u"abc.def"_s);
        QCoreApplication::removeTranslator(&m_translator);
        QVERIFY2(!englishOne.isEmpty(), "UUI020 is no longer the code for a token that is not a JWT: fix the test");
        QVERIFY2(one.contains(u"nur 1 Teil"_s), qPrintable(one));
        QVERIFY2(two.contains(u"2 durch Punkte getrennte Teile"_s), qPrintable(two));
    }

private:
    QTranslator m_translator;
};

QTEST_GUILESS_MAIN(TestGermanTranslation)
#include "TestGermanTranslation.moc"
