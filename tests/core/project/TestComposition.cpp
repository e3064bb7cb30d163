#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "jwt/Jwt.h"
#include "jwt/OrgClaims.h"
#include "project/Composition.h"
#include "project/ProjectFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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
        Project p = sampleProject();
        p.trunk.limitAppliesTo = uui::LimitAppliesTo::HeaderLine; // the strictest reading, selectable
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
        QVERIFY(c.setUuiData.expression.contains(u"Task.uuiToken"_s));

        // Under the header line reading, the sample with a 2048-bit key in hex does not fit: the budget says so,
        // nothing else is wrong (UUI032 is the info about callId for the SCV customer type).
        QVERIFY(!c.budget.fits());
        QCOMPARE(codes(c.lintDiagnostics), QStringList{u"UUI032"_s});
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
        QCOMPARE(codes(c.diagnostics), (QStringList{u"UUI032"_s, u"SIP004"_s})); // the hex caveat, the callId info
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

    // The one applyWayOut: every way out but the key size applies to the project, gives the length it promised,
    // and "fits" exactly when the composed result has no error; a second application is refused.
    void waysOutApplyToTheProject_data() {
        QTest::addColumn<uui::UuiEncoding>("encoding");
        QTest::addColumn<uui::PdMode>("pd");
        QTest::addColumn<uui::LimitAppliesTo>("appliesTo");
        QTest::addColumn<int>("limit");
        QTest::newRow("hex, header line")
            << uui::UuiEncoding::Hex << uui::PdMode::Prefix << uui::LimitAppliesTo::HeaderLine << 1024;
        QTest::newRow("hex, decoded data")
            << uui::UuiEncoding::Hex << uui::PdMode::Prefix << uui::LimitAppliesTo::DecodedData << 600;
        QTest::newRow("ascii prefix, decoded data")
            << uui::UuiEncoding::Ascii << uui::PdMode::Prefix << uui::LimitAppliesTo::DecodedData << 600;
        QTest::newRow("ascii param, header value")
            << uui::UuiEncoding::Ascii << uui::PdMode::Parameter << uui::LimitAppliesTo::HeaderValue << 640;
    }

    void waysOutApplyToTheProject() {
        QFETCH(uui::UuiEncoding, encoding);
        QFETCH(uui::PdMode, pd);
        QFETCH(uui::LimitAppliesTo, appliesTo);
        QFETCH(int, limit);
        Project p = sampleProject();
        p.uui.customParams = {{u"lang"_s, u"de"_s}};
        p.trunk.encoding = encoding;
        p.trunk.pdMode = pd;
        p.trunk.limitAppliesTo = appliesTo;
        p.trunk.limit = limit;
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        const Composition before = project::compose(p, &key, kClock);
        QVERIFY(!before.budget.fits());
        QVERIFY(before.budget.waysOut.size() >= 5); // key, callId, orgId, transactionId, lang
        int applied = 0;
        for (const uui::WayOut& way : before.budget.waysOut) {
            Project changed = p;
            if (!project::applyWayOut(way, changed)) {
                QCOMPARE(way.kind, uui::WayOut::Kind::SmallerKey);
                continue;
            }
            ++applied;
            QCOMPARE(changed.trunk, p.trunk); // a way out never touches the trunk (no ascii, no other reading)
            const Composition after = project::compose(changed, &key, kClock);
            QCOMPARE(after.budget.measured, way.after);
            QCOMPARE(way.fits, after.budget.fits() && !diagnostics::hasErrors(after.budgetDiagnostics));
            QVERIFY(!project::applyWayOut(way, changed));
        }
        QCOMPARE(applied, before.budget.waysOut.size() - 1);
    }

    // A way out that no longer matches the project (the parameter at its place was renamed) is refused.
    void aStaleWayOutIsRefused() {
        Project p = sampleProject();
        p.uui.customParams = {{u"lang"_s, u"de"_s}};
        uui::WayOut way;
        way.kind = uui::WayOut::Kind::DropField;
        way.key = u"lang"_s;
        way.customIndex = 0;
        Project renamed = p;
        renamed.uui.customParams[0].key = u"language"_s;
        QVERIFY(!project::applyWayOut(way, renamed));
        QCOMPARE(renamed.uui, Project(renamed).uui);
        QVERIFY(project::applyWayOut(way, p));
        QVERIFY(p.uui.customParams.isEmpty());
    }

    // Issue 8 item 6: by default the limit applies to the decoded data, where the sample's RS256 UUI fits; the
    // long hex header line is an info (SIP007), and the project has no error.
    void theDefaultReadingIsTheDecodedData() {
        QCOMPARE(uui::TrunkUuiProfile{}.limitAppliesTo, uui::LimitAppliesTo::DecodedData);
        QCOMPARE(Project::defaults().trunk.limitAppliesTo, uui::LimitAppliesTo::DecodedData);
        Project p = sampleProject();
        p.trunk = uui::TrunkUuiProfile{};
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        const Composition c = project::compose(p, &key, kClock);
        QVERIFY(c.budget.fits());
        QVERIFY(c.budget.headerLineLength > 1024);
        QVERIFY(codes(c.diagnostics).contains(u"SIP007"_s));
        QVERIFY(!codes(c.diagnostics).contains(u"SIP002"_s));
        QVERIFY2(c.ok(), qPrintable(codes(c.diagnostics).join(u' ')));
    }

    // Issue 8 item 6b: non-ASCII text is written as backslash-u escapes, so that no decoded byte is 128-255 (Genesys
    // cannot decode such bytes from hex), and the JSON still reads back as the same text.
    void nonAsciiIsEscaped() {
        Project p = sampleProject();
        p.trunk = uui::TrunkUuiProfile{};
        // U+1F600 (outside the BMP) is the UTF-16 surrogate pair D83D DE00.
        const QString name = u"Zo\u00EB M\u00FCller \U0001F600"_s;
        p.uui.customParams = {{u"customerName"_s, name}};
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        const Composition c = project::compose(p, &key, kClock);
        for (const char byte : c.uui.json) {
            QVERIFY(static_cast<unsigned char>(byte) < 0x80);
        }
        for (const char byte : c.budget.headerLine) {
            QVERIFY(static_cast<unsigned char>(byte) < 0x80);
        }
        QVERIFY(c.uui.json.contains(R"("customerName":"Zo\u00eb M\u00fcller \ud83d\ude00")"));
        const auto decoded = uui::decodeHeaderValue(c.budget.headerValue, p.trunk);
        QVERIFY(decoded.has_value());
        const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
        QCOMPARE(doc.object().value(u"customerName"_s).toString(), name);
    }

    // Issue 8 item 6b: for the SCV customer type a callId gets an info naming the article's conflict; for the
    // other customer type, and without a callId, nothing.
    void scvCallIdConflictIsShown() {
        Project p = sampleProject();
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        p.org.customerType = salesforce::CustomerType::VoiceWithTelephonyProviders;
        const Composition scv = project::compose(p, &key, kClock);
        const auto it = std::find_if(scv.diagnostics.cbegin(), scv.diagnostics.cend(),
                                     [](const auto& d) { return d.code == u"UUI032"_s; });
        QVERIFY(it != scv.diagnostics.cend());
        QCOMPARE(it->severity, diagnostics::Severity::Info);
        QCOMPARE(it->where.field, u"uui.callId"_s);
        QVERIFY(it->where.offset > 0);
        QCOMPARE(scv.uui.json.mid(it->where.offset, it->where.length), p.uui.callId.toUtf8());

        p.uui.includeCallId = false;
        QVERIFY(!codes(project::compose(p, &key, kClock).diagnostics).contains(u"UUI032"_s));
        p.uui.includeCallId = true;
        p.org.customerType = salesforce::CustomerType::Other;
        QVERIFY(!codes(project::compose(p, &key, kClock).diagnostics).contains(u"UUI032"_s));
    }

    // Issue 11 item 5: with a cache, an edit that changes no claim reuses the token; one that changes a claim (or
    // the key, or the clock's second) signs again.
    void anEditWithoutAClaimChangeDoesNotSign() {
        Project p = sampleProject();
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        project::TokenCache cache;
        const Composition first = project::compose(p, &key, kClock, &cache);
        QCOMPARE(cache.signatures(), quint64(1));

        p.uui.transactionId = u"order-2"_s;
        p.uui.customParams = {{u"lang"_s, u"de"_s}};
        p.trunk.limit = 900;
        const Composition second = project::compose(p, &key, kClock, &cache);
        QCOMPARE(cache.signatures(), quint64(1));
        QCOMPARE(second.token, first.token);
        QCOMPARE(second.expiresAt, first.expiresAt);
        // The result is what composing without the cache gives.
        const Composition uncached = project::compose(p, &key, kClock);
        QCOMPARE(second.uui.json, uncached.uui.json);
        QCOMPARE(codes(second.diagnostics), codes(uncached.diagnostics));

        p.org.callCenterApiName = u"other_center"_s; // sub changes
        const Composition third = project::compose(p, &key, kClock, &cache);
        QCOMPARE(cache.signatures(), quint64(2));
        QVERIFY(third.token != first.token);

        p.uuiToken.ttlSeconds = 3600; // exp changes
        project::compose(p, &key, kClock, &cache);
        QCOMPARE(cache.signatures(), quint64(3));

        FixedClock later = kClock; // iat changes
        later.advanceSecs(1);
        project::compose(p, &key, later, &cache);
        QCOMPARE(cache.signatures(), quint64(4));

        const crypto::PrivateKey other = testKey("other-rsa2048-test-only.pem"); // another key
        const Composition otherKey = project::compose(p, &other, later, &cache);
        QCOMPARE(cache.signatures(), quint64(5));
        const auto cert =
            crypto::Certificate::load(QStringLiteral(HANDOFF_TEST_DATA "/other-rsa2048-test-only.crt.pem"));
        QVERIFY(cert.has_value());
        const auto decoded = jwt::decode(otherKey.token);
        QVERIFY(decoded.has_value());
        QVERIFY(jwt::verify(*decoded, *cert).has_value());
    }

    // One issuer for every token: the 15-character org id, from a 15- or 18-character id, trimmed.
    void theIssuerIsThe15CharacterOrgId_data() {
        QTest::addColumn<QString>("orgId");
        QTest::addColumn<QString>("iss");
        QTest::newRow("15") << u"00D5g000004XyZ1"_s << u"00D5g000004XyZ1"_s;
        QTest::newRow("18") << u"00D5g000004XyZ1EAK"_s << u"00D5g000004XyZ1"_s;
        QTest::newRow("spaces") << u"  00D5g000004XyZ1 "_s << u"00D5g000004XyZ1"_s;
        QTest::newRow("not an id") << u" nonsense "_s << u"nonsense"_s;
    }
    void theIssuerIsThe15CharacterOrgId() {
        QFETCH(QString, orgId);
        QFETCH(QString, iss);
        Project p = sampleProject();
        p.org.orgId = orgId;
        QCOMPARE(jwt::tokenIssuer(p.org), iss);
        const crypto::PrivateKey key = testKey("rsa2048-pkcs8-test-only.pem");
        const auto decoded = jwt::decode(project::compose(p, &key, kClock).token);
        QVERIFY(decoded.has_value());
        QCOMPARE(decoded->claims.value(u"iss"_s).toString(), iss);
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
