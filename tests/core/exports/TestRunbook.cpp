#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "exports/Runbook.h"
#include "project/Composition.h"
#include "project/GoLiveCheck.h"
#include "project/ProjectFile.h"
#include "salesforce/SalesforceId.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;

namespace {

project::Project sampleProject() {
    const auto loaded =
        project::ProjectFile::load(QStringLiteral(HANDOFF_SOURCE_DIR "/resources/samples/sample.handoff"));
    if (!loaded) {
        qFatal("sample project does not load");
    }
    return loaded->project;
}

crypto::PrivateKey testKey() {
    const auto key = crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem"));
    if (!key) {
        qFatal("test key does not load");
    }
    return *key;
}

const FixedClock kClock = FixedClock::atSecs(1796169600); // 2026-12-02

struct Rendered {
    QByteArray markdown;
    QByteArray html;
    QByteArray token;
};

Rendered render(const project::Project& p) {
    const crypto::PrivateKey key = testKey();
    const auto cert = crypto::Certificate::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem"));
    if (!cert) {
        qFatal("test certificate does not load");
    }
    const project::Composition composed = project::compose(p, &key, kClock);
    project::GoLiveInputs in;
    in.key = &key;
    in.certificate = &*cert;
    in.composition = &composed;
    const project::GoLiveReport report = project::goLiveCheck(p, in, kClock);
    const exports::Runbook rb = exports::buildRunbook(p, report, &*cert, composed.setUuiData.expression, kClock);
    return {exports::renderRunbook(rb, exports::RunbookFormat::Markdown),
            exports::renderRunbook(rb, exports::RunbookFormat::Html), composed.token};
}

} // namespace

class TestRunbook final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The project's values: the org id in both forms (the 18-character form computed here), the base URL, the call
    // centre, the certificate's fingerprint and expiry, the trunk's header.
    void carriesTheProjectsValues() {
        const project::Project p = sampleProject();
        const Rendered r = render(p);
        const auto id = salesforce::SalesforceId::parse(p.org.orgId);
        QVERIFY(id);
        const auto cert = crypto::Certificate::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-test-only.crt.pem"));
        const QByteArray fingerprint =
            QCryptographicHash::hash(cert->der(), QCryptographicHash::Sha256).toHex(':').toUpper();
        for (const QByteArray& doc : {r.markdown, r.html}) {
            QVERIFY(doc.contains(id->id15().toUtf8()));
            QVERIFY(doc.contains(id->id18().toUtf8()));
            QVERIFY(doc.contains(p.org.scrt2().baseUrl.toUtf8()));
            QVERIFY(doc.contains(p.org.callCenterApiName.toUtf8()));
            QVERIFY(doc.contains(fingerprint));
            QVERIFY(doc.contains(cert->notAfter().toString(Qt::ISODate).toUtf8()));
            QVERIFY(doc.contains(p.trunk.headerName.toUtf8()));
        }
    }

    // Seventeen steps, numbered in order, and every check's id and status at the time of export.
    void stepsInOrderAndTheChecks() {
        const Rendered r = render(sampleProject());
        qsizetype at = 0;
        for (int step = 1; step <= 17; ++step) {
            const qsizetype next = r.markdown.indexOf(QByteArray(QByteArray::number(step) + ". **"), at);
            QVERIFY2(next >= at, qPrintable(QString::number(step)));
            at = next;
        }
        QCOMPARE(r.html.count("<li><b>"), 17);
        for (int i = 1; i <= 13; ++i) {
            QVERIFY(r.markdown.contains(u"| GOL%1 |"_s.arg(i, 3, 10, QChar(u'0')).toUtf8()));
        }
        QVERIFY(r.markdown.contains("Differs from the article:"));
    }

    // A runbook never carries a token: neither the bound expression nor, with the token unbound, the literal one.
    void neverCarriesAToken() {
        project::Project p = sampleProject();
        Rendered r = render(p);
        QVERIFY(!r.token.isEmpty());
        QVERIFY(!r.markdown.contains(r.token));
        QVERIFY(!r.html.contains(r.token));
        p.exports.bindToken = false;
        r = render(p);
        QVERIFY(!r.markdown.contains(r.token.split('.').constLast()));
        QVERIFY(!r.html.contains(r.token.split('.').constLast()));
    }

    // The HTML stands alone: no scripts, links, images or external resources; text is escaped.
    void htmlIsSelfContained() {
        project::Project p = sampleProject();
        p.name = u"<script>alert(1)</script> & Co"_s;
        const Rendered r = render(p);
        QVERIFY(r.html.startsWith("<!DOCTYPE html>"));
        for (const char* external : {"<script", "<link", "<img", "src=", "href=", "@import"}) {
            QVERIFY2(!r.html.contains(external), external);
        }
        QVERIFY(r.html.contains("&lt;script&gt;"));
    }
};

QTEST_GUILESS_MAIN(TestRunbook)
#include "TestRunbook.moc"
