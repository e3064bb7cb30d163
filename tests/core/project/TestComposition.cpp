#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "jwt/Jwt.h"
#include "project/Composition.h"
#include "project/ProjectFile.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using project::Composition;
using project::Project;

namespace {

Project sampleProject() {
    const auto loaded =
        project::ProjectFile::load(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"));
    if (!loaded) {
        qFatal("sample project does not load");
    }
    return loaded->project;
}

crypto::PrivateKey testKey(const char* name) {
    const auto key = crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/") + QString::fromLatin1(name));
    if (!key) {
        qFatal("test key %s does not load", name);
    }
    return *key;
}

QStringList codes(const diagnostics::Diagnostics& list) {
    QStringList out;
    for (const auto& d : list) {
        out.append(d.code);
    }
    return out;
}

const FixedClock kClock = FixedClock::atSecs(1764331200);

} // namespace

class TestComposition final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void signsAndComposes() {
        const Project p = sampleProject();
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        const Composition c = project::compose(p, &key, kClock);
        QVERIFY(!c.token.isEmpty());
        QVERIFY(!c.tokenEstimated);

        // The token verifies with the certificate and carries the UUI-token policy's claims.
        const auto cert = crypto::Certificate::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem"));
        QVERIFY(cert.has_value());
        const auto decoded = jwt::decode(c.token);
        QVERIFY(decoded.has_value());
        QVERIFY(jwt::verify(*decoded, *cert).has_value());
        QCOMPARE(decoded->claims.intClaim(u"iat"_s), std::optional<qint64>(1764331200));
        QCOMPARE(decoded->claims.intClaim(u"exp"_s), std::optional<qint64>(1764331200 + 86400));
        QCOMPARE(decoded->claims.stringClaim(u"iss"_s), std::optional<QString>(u"00D5g000004XyZ1"_s));
        QCOMPARE(decoded->claims.stringClaim(u"sub"_s), std::optional<QString>(u"acme_agentforce"_s));
        QVERIFY(!decoded->claims.contains(u"jti"_s)); // reusable UUI token
        QCOMPARE(c.issuedAt, 1764331200);
        QCOMPARE(c.expiresAt, 1764331200 + 86400);

        // The same token is in the UUI, the budget and the literal export.
        const uui::FieldSpan* span = c.uui.find(uui::UuiField::Token);
        QVERIFY(span);
        QCOMPARE(c.uui.json.mid(span->valueOffset, span->valueLength), c.token);
        QCOMPARE(c.budget.json, c.uui.json);
        QCOMPARE(c.setUuiData.json, c.uui.json);
        QVERIFY(c.setUuiData.expression.contains(u"Flow.uuiToken"_s));

        // The sample with a 2048-bit key in hex does not fit: the budget says so, nothing else is wrong.
        QVERIFY(!c.budget.fits());
        QCOMPARE(codes(c.lintDiagnostics), QStringList{});
        QCOMPARE(codes(c.claimDiagnostics), QStringList{});
        QVERIFY(codes(c.diagnostics).contains(u"SIP001"_s));
        QVERIFY(!c.ok());
    }

    void asciiTrunkFits() {
        Project p = sampleProject();
        p.trunk.encoding = uui::UuiEncoding::Ascii;
        p.trunk.pdMode = uui::PdMode::None;
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        const Composition c = project::compose(p, &key, kClock);
        QVERIFY(c.budget.fits());
        QCOMPARE(codes(c.diagnostics), QStringList{u"SIP004"_s}); // the hex caveat only
        QVERIFY(c.ok());
    }

    void withoutAKeyTheBudgetIsEstimated() {
        const Project p = sampleProject();
        const Composition c = project::compose(p, nullptr, kClock);
        QVERIFY(c.token.isEmpty());
        QVERIFY(c.tokenEstimated);
        QVERIFY(codes(c.diagnostics).contains(u"UUI030"_s));
        QVERIFY(!codes(c.diagnostics).contains(u"UUI017"_s));
        // The estimate is what a 2048-bit key gives: same length as a signed token.
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        const Composition real = project::compose(p, &key, kClock);
        QCOMPARE(c.budget.headerLineLength, real.budget.headerLineLength);
        QVERIFY(!c.uui.json.contains("xxxx")); // the stand-in never reaches the JSON
    }

    void unfitKeyIsReported() {
        const Project p = sampleProject();
        const crypto::PrivateKey ec = testKey("ec-p256-test-only.pem");
        const Composition c = project::compose(p, &ec, kClock);
        QVERIFY(c.token.isEmpty());
        QVERIFY(codes(c.diagnostics).contains(u"KEY006"_s));
        const crypto::PrivateKey small = testKey("rsa1024-test-only.pem");
        const Composition d = project::compose(p, &small, kClock);
        QVERIFY(!d.token.isEmpty());
        QVERIFY(codes(d.diagnostics).contains(u"KEY007"_s));
    }

    void projectProblemsAreIncluded() {
        Project p = sampleProject();
        p.org.orgId = u"00XX70000000XXX"_s;
        p.exports.tokenVariable = u"uuiToken"_s;
        p.trunk.headerName = u"UUI"_s;
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        const QStringList found = codes(project::compose(p, &key, kClock).diagnostics);
        QVERIFY(found.contains(u"UUI012"_s));
        QVERIFY(found.contains(u"EXP001"_s));
        QVERIFY(found.contains(u"SIP006"_s));
    }

    void waysOutApplyToTheProject() {
        Project p = sampleProject();
        p.uui.customParams = {{u"lang"_s, u"de"_s}};
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        const Composition before = project::compose(p, &key, kClock);
        QVERIFY(before.budget.waysOut.size() >= 5); // ascii, key, callId, orgId, transactionId, lang
        int applied = 0;
        for (const uui::WayOut& way : before.budget.waysOut) {
            Project changed = p;
            if (!project::applyWayOut(way, changed)) {
                QCOMPARE(way.kind, uui::WayOut::Kind::SmallerKey);
                continue;
            }
            ++applied;
            const Composition after = project::compose(changed, &key, kClock);
            QCOMPARE(after.budget.measured, way.after);
            QVERIFY(!project::applyWayOut(way, changed) || way.kind == uui::WayOut::Kind::AsciiEncoding);
        }
        QCOMPARE(applied, before.budget.waysOut.size() - 1);
    }

    void aGivenTokenIsChecked() {
        const Project p = sampleProject();
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        const QByteArray token = project::compose(p, &key, kClock).token;
        const Composition fresh = project::composeWithToken(p, token, kClock);
        QVERIFY(!codes(fresh.diagnostics).contains(u"UUI022"_s));
        FixedClock later = kClock;
        later.advanceSecs(86400 + 1);
        const Composition stale = project::composeWithToken(p, token, later);
        QVERIFY(codes(stale.diagnostics).contains(u"UUI022"_s));
        QCOMPARE(stale.token, token);
    }
};

QTEST_GUILESS_MAIN(TestComposition)
#include "TestComposition.moc"
