#include "PageTestSupport.h"
#include "jwt/Jwt.h"
#include "pages/TokenPage.h"
#include "widgets/JwtView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTest>

using namespace Qt::StringLiterals;
using handoff::jwt::TokenPreset;
using handoff::pages::TokenPage;
using handoff::pagetest::Fixture;
using Verification = TokenPage::Verification;

class TestTokenPage final : public QObject {
    Q_OBJECT

private:
    static qint64 lifetime(const handoff::jwt::Claims& claims) {
        return claims.intClaim(u"exp"_s).value_or(0) - claims.intClaim(u"iat"_s).value_or(0);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        initSharedResources();
    }

    void presetSwitchChangesTheClaims() {
        Fixture f;
        TokenPage page(*f.workspace);
        QCOMPARE(page.preset(), TokenPreset::Uui);
        QCOMPARE(lifetime(page.claims()), 24 * 3600);
        QVERIFY(!page.claims().contains(u"jti"_s));
        QCOMPARE(page.claims().stringClaim(u"iss"_s), std::optional<QString>(u"00DHs0000001abc"_s));
        QCOMPARE(page.claims().stringClaim(u"sub"_s), std::optional<QString>(u"scv4cc1"_s));
        // The UUI preset shows the very token the UUI carries.
        QCOMPARE(page.token(), f.workspace->derived().token);

        auto* combo = page.findChild<QComboBox*>(u"presetComboBox"_s);
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(handoff::jwt::presetKey(TokenPreset::Api)));
        Q_EMIT combo->activated(combo->currentIndex());
        QCOMPARE(page.preset(), TokenPreset::Api);
        QCOMPARE(lifetime(page.claims()), 5 * 60);
        QVERIFY(page.claims().contains(u"jti"_s));
        QVERIFY(!page.token().isEmpty());
        QVERIFY(page.token() != f.workspace->derived().token);
        auto* jti = page.findChild<QCheckBox*>(u"jtiCheckBox"_s);
        QVERIFY(jti && jti->isChecked());

        page.setPreset(TokenPreset::Uui);
        QVERIFY(!page.claims().contains(u"jti"_s));
        QVERIFY(!jti->isChecked());
    }

    void lifetimeEditsTheProjectAndTheToken() {
        Fixture f;
        TokenPage page(*f.workspace);
        auto* spin = page.findChild<QSpinBox*>(u"lifetimeSpinBox"_s);
        QVERIFY(spin);
        QCOMPARE(spin->value(), 24 * 60);
        spin->setValue(60);
        QCOMPARE(f.workspace->project().uuiToken.ttlSeconds, 3600);
        f.workspace->recomputeNow();
        QCOMPARE(lifetime(page.claims()), 3600);
        auto* view = page.findChild<handoff::widgets::JwtView*>(u"tokenJwtView"_s);
        QVERIFY(view);
        QCOMPARE(view->secondsToExpiry(), std::optional<qint64>(3600));
        f.clock.advanceSecs(600);
        QTRY_COMPARE(view->secondsToExpiry(), std::optional<qint64>(3000));
    }

    void claimProblemsAreShownInline() {
        Fixture f;
        TokenPage page(*f.workspace);
        QVERIFY(page.claimDiagnostics().isEmpty());
        auto* spin = page.findChild<QSpinBox*>(u"lifetimeSpinBox"_s);
        spin->setValue(30 * 60); // 30 h: over Salesforce's 24 h
        f.workspace->recomputeNow();
        QVERIFY(!page.claimDiagnostics().isEmpty());
        QVERIFY(std::any_of(page.claimDiagnostics().cbegin(), page.claimDiagnostics().cend(),
                            [](const auto& d) { return d.where.field == u"claims.exp"_s; }));
    }

    void pastedTokenIsVerifiedAgainstTheCertificate() {
        Fixture f;
        TokenPage page(*f.workspace);
        const QString token = QString::fromLatin1(f.workspace->derived().token);
        page.setPastedToken(token);
        QCOMPARE(page.verification(), Verification::Valid);

        // Flip one character of the signature.
        QString tampered = token;
        const qsizetype last = tampered.size() - 5;
        tampered[last] = tampered.at(last) == u'A' ? u'B' : u'A';
        page.setPastedToken(tampered);
        QCOMPARE(page.verification(), Verification::Invalid);

        page.setPastedToken(u"not a token"_s);
        QCOMPARE(page.verification(), Verification::NotAJwt);
        QVERIFY(!page.verificationText().isEmpty());

        page.setPastedToken({});
        QCOMPARE(page.verification(), Verification::Empty);
    }

    void withoutAKeyTheClaimsStillShow() {
        Fixture f(false);
        TokenPage page(*f.workspace);
        QVERIFY(page.token().isEmpty());
        QCOMPARE(lifetime(page.claims()), 24 * 3600);
        page.setPastedToken(u"eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIwMERIczAwMDAwMDFhYmMifQ.c2ln"_s);
        QCOMPARE(page.verification(), Verification::NoKey);
    }
};

QTEST_MAIN(TestTokenPage)
#include "TestTokenPage.moc"
