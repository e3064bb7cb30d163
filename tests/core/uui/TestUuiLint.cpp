#include "uui/UuiLint.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff::uui;
using handoff::FixedClock;
using handoff::diagnostics::Diagnostic;
using handoff::diagnostics::Diagnostics;

namespace {

QByteArray fixture(const char* name) {
    QFile file(QStringLiteral(HANDOFF_TEST_DATA "/uui/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", name);
    }
    return file.readAll();
}

QStringList codes(const Diagnostics& list) {
    QStringList out;
    for (const Diagnostic& d : list) {
        out.append(d.code);
    }
    return out;
}

QList<Diagnostic> withCode(const Diagnostics& list, const QString& code) {
    QList<Diagnostic> out;
    for (const Diagnostic& d : list) {
        if (d.code == code) {
            out.append(d);
        }
    }
    return out;
}

// JSON written with single quotes, to keep the tests readable: j("{'a':'b'}") is {"a":"b"}.
QByteArray j(const char* text) {
    return QByteArray(text).replace('\'', '"');
}

QByteArray b64(const QByteArray& data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A JWT-shaped token (the signature bytes are arbitrary: lint does not verify).
QByteArray token(const QByteArray& payloadJson) {
    return b64(j("{'alg':'RS256','typ':'JWT'}")) + '.' + b64(payloadJson) + '.' + b64(QByteArray(256, 'S'));
}

const FixedClock kClock = FixedClock::atSecs(1764331200); // 2025-11-28T12:00:00Z

QByteArray uui(const QByteArray& members) {
    return "{" + members + "}";
}

const QByteArray kDomain = j("'scrt2Domain':'acme-voice.my.salesforce-scrt.com'");

QByteArray goodToken() {
    return token(j("{'iat':1764330000,'exp':1764416400,'iss':'00D5g000004XyZ1','sub':'acme_agentforce'}"));
}

} // namespace

class TestUuiLint final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanUuiHasNoProblems() {
        const QByteArray text = uui(j("'orgId':'00D5g000004XyZ1',") + kDomain + j(",'token':'") + goodToken() +
                                    j("','callId':'0LQ5g000000AbCdGAK','transactionId':'order-1'"));
        const LintResult r = lint(text, kClock);
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(codes(r.diagnostics).join(u' ')));
        QVERIFY(r.validJson);
        QVERIFY(!r.repaired);
    }

    // The article's step-12 sample: typographic quotes, each found with its line and column, and a repair that
    // parses.
    void articleSampleWithTypographicQuotes() {
        const QByteArray text = fixture("article-sample-2.txt");
        const LintResult r = lint(text, kClock);
        QVERIFY(!r.validJson);
        const QList<Diagnostic> quotes = withCode(r.diagnostics, u"UUI002"_s);
        QCOMPARE(quotes.size(), 5);
        // Line 4 is: “token” : ”adbc...m”,   Line 6 is: "transactionId": "order-2026-0122-5489”
        const QList<QByteArray> lines = text.split('\n');
        const int line4Chars = static_cast<int>(QString::fromUtf8(lines.at(3)).size());
        const QList<std::pair<int, int>> expected{{4, 1}, {4, 7}, {4, 11}, {4, line4Chars - 1}, {6, 39}};
        for (int i = 0; i < quotes.size(); ++i) {
            QCOMPARE(quotes.at(i).where.line, expected.at(i).first);
            QCOMPARE(quotes.at(i).where.column, expected.at(i).second);
            QCOMPARE(quotes.at(i).where.length, 3); // one typographic quote is three UTF-8 bytes
            QCOMPARE(text.mid(quotes.at(i).where.offset, 3).at(0), '\xe2');
        }
        QVERIFY(r.repaired.has_value());
        QJsonParseError error{};
        QVERIFY(QJsonDocument::fromJson(*r.repaired, &error).isObject());
        QVERIFY(!r.repaired->contains("\xe2\x80"));
        QVERIFY(!codes(r.diagnostics).contains(u"UUI001"_s)); // the repair parses: no separate syntax error
        // The content is still checked, on the repaired text, with positions in the original.
        QVERIFY(codes(r.diagnostics).contains(u"UUI019"_s));
        const Diagnostic tokenSpace = withCode(r.diagnostics, u"UUI018"_s).value(0);
        QCOMPARE(tokenSpace.where.line, 4);
        QCOMPARE(text.mid(tokenSpace.where.offset, tokenSpace.where.length), QByteArray(" "));
    }

    // The article's "Sample UUI header": valid JSON, but the token is a placeholder with spaces, orgId is not an
    // org id and callId is not a VoiceCall id.
    void articleSampleWithPlaceholderToken() {
        const QByteArray text = fixture("article-sample-1.txt");
        const LintResult r = lint(text, kClock);
        QVERIFY(r.validJson);
        QVERIFY(withCode(r.diagnostics, u"UUI002"_s).isEmpty());
        const Diagnostic placeholder = withCode(r.diagnostics, u"UUI019"_s).value(0);
        QCOMPARE(placeholder.code, u"UUI019"_s);
        QCOMPARE(text.mid(placeholder.where.offset, placeholder.where.length), QByteArray("[THIS IS A SAMPLE TOKEN]"));
        QCOMPARE(placeholder.where.line, 4);
        const QList<QByteArray> lines = text.split('\n');
        QCOMPARE(placeholder.where.column, lines.at(3).indexOf('[') + 1);
        QVERIFY(placeholder.message.contains(u"[THIS IS A SAMPLE TOKEN]"_s));
        QCOMPARE(withCode(r.diagnostics, u"UUI018"_s).size(), 1);
        QCOMPARE(withCode(r.diagnostics, u"UUI020"_s).size(), 1); // two parts, not three
        const Diagnostic org = withCode(r.diagnostics, u"UUI012"_s).value(0);
        QCOMPARE(org.where.line, 2);
        QCOMPARE(text.mid(org.where.offset, org.where.length), QByteArray("00XX70000000XXX"));
        QCOMPARE(withCode(r.diagnostics, u"UUI026"_s).size(), 1); // 501... is not 0LQ
    }

    // An apostrophe inside a value is text, not a quote to repair; typographic single quotes used as delimiters are.
    void singleTypographicQuotes() {
        const QByteArray apostrophe = "{\xe2\x80\x9cscrt2Domain\xe2\x80\x9d:\"acme-voice.my.salesforce-scrt.com\","
                                      "\"transactionId\":\"it\xe2\x80\x99s\"}";
        const LintResult kept = lint(apostrophe, kClock);
        QVERIFY(kept.repaired.has_value());
        QVERIFY(kept.repaired->contains("it\xe2\x80\x99s"));
        QCOMPARE(withCode(kept.diagnostics, u"UUI002"_s).size(), 2); // the apostrophe is text: not reported

        const QByteArray delimiters = "{\xe2\x80\x98scrt2Domain\xe2\x80\x99:\xe2\x80\x98"
                                      "acme-voice.my."
                                      "salesforce-scrt.com\xe2\x80\x99}";
        const LintResult fixed = lint(delimiters, kClock);
        QVERIFY(fixed.repaired.has_value());
        QCOMPARE(*fixed.repaired, QByteArray("{\"scrt2Domain\":\"acme-voice.my.salesforce-scrt.com\"}"));
        QCOMPARE(withCode(fixed.diagnostics, u"UUI002"_s).size(), 4);
        QCOMPARE(withCode(fixed.diagnostics, u"UUI002"_s).constFirst().message.contains(u"U+2018"_s), true);
    }

    void invalidJsonHasLineAndColumn() {
        const QByteArray text = "{\n  \"orgId\": \"00D5g000004XyZ1\",\n  \"token\": \n}";
        const LintResult r = lint(text, kClock);
        QCOMPARE(codes(r.diagnostics), QStringList{u"UUI001"_s});
        QCOMPARE(r.diagnostics.constFirst().where.line, 4);
        QCOMPARE(r.diagnostics.constFirst().where.column, 1);
        QVERIFY(!r.validJson);
    }

    void problems_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");

        const QByteArray t = goodToken();
        const QByteArray base = j("'token':'") + t + '"';
        QTest::newRow("not an object") << QByteArray("[1,2]") << u"UUI003"_s << QString();
        QTest::newRow("mis-cased callid")
            << uui(kDomain + ',' + base + j(",'callid':'0LQ5g000000AbCdGAK'")) << u"UUI004"_s << u"callId"_s;
        QTest::newRow("mis-cased orgid") << uui(j("'orgid':'00D5g000004XyZ1',") + kDomain + ',' + base) << u"UUI004"_s
                                         << u"orgId"_s;
        QTest::newRow("mis-cased scrt2domain")
            << uui(j("'scrt2domain':'acme-voice.my.salesforce-scrt.com',") + base) << u"UUI004"_s << u"scrt2Domain"_s;
        QTest::newRow("misspelt key") << uui(kDomain + ',' + base + j(",'transactonId':'x'")) << u"UUI005"_s
                                      << u"transactionId"_s;
        QTest::newRow("custom key") << uui(kDomain + ',' + base + j(",'language':'de'")) << u"UUI006"_s
                                    << u"language"_s;
        QTest::newRow("duplicate key") << uui(kDomain + ',' + base + ',' + base) << u"UUI007"_s << u"token"_s;
        QTest::newRow("number value") << uui(kDomain + ',' + base + j(",'transactionId':42")) << u"UUI008"_s
                                      << u"transactionId"_s;
        QTest::newRow("no orgId, no token") << uui(kDomain) << u"UUI010"_s << QString();
        QTest::newRow("orgId 18 characters")
            << uui(j("'orgId':'00D5g000004XyZ1EAK',") + kDomain + ',' + base) << u"UUI011"_s << u"00D5g000004XyZ1"_s;
        QTest::newRow("orgId not an id") << uui(j("'orgId':'00D-5g',") + kDomain + ',' + base) << u"UUI011"_s
                                         << QString();
        QTest::newRow("orgId of another kind")
            << uui(j("'orgId':'0LQ5g000000AbCd',") + kDomain + ',' + base) << u"UUI012"_s << u"0LQ"_s;
        QTest::newRow("orgId a VoiceCall id, 18 characters")
            << uui(j("'orgId':'0LQSC00000000014AA',") + kDomain + ',' + base) << u"UUI012"_s << u"0LQ"_s;
        QTest::newRow("no scrt2Domain") << uui(base) << u"UUI013"_s << QString();
        QTest::newRow("scrt2Domain too long")
            << uui(j("'scrt2Domain':'") + QByteArray(120, 'a') + j(".my.salesforce-scrt.com',") + base) << u"UUI014"_s
            << u"143"_s;
        QTest::newRow("scrt2Domain as URL")
            << uui(j("'scrt2Domain':'https://acme-voice.my.salesforce-scrt.com/telephony/v1',") + base) << u"UUI015"_s
            << u"\"acme-voice.my.salesforce-scrt.com\""_s;
        QTest::newRow("scrt2Domain of another shape")
            << uui(j("'scrt2Domain':'acme.example.com',") + base) << u"UUI015"_s << QString();
        QTest::newRow("sandbox") << uui(j("'scrt2Domain':'acme--uat.sandbox.my.salesforce-scrt.com',") + base)
                                 << u"UUI016"_s << QString();
        QTest::newRow("no token") << uui(j("'orgId':'00D5g000004XyZ1',") + kDomain) << u"UUI017"_s << QString();
        QTest::newRow("token with a line break")
            << uui(kDomain + j(",'token':'") + t.left(20) + "\\n" + t.mid(20) + '"') << u"UUI018"_s << QString();
        QTest::newRow("token placeholder")
            << uui(kDomain + j(",'token':'<your token here>'")) << u"UUI019"_s << u"<your token here>"_s;
        QTest::newRow("token two parts") << uui(kDomain + j(",'token':'abc.def'")) << u"UUI020"_s << QString();
        QTest::newRow("token bad base64url") << uui(kDomain + j(",'token':'a+b.c.d'")) << u"UUI020"_s << QString();
        QTest::newRow("token payload not JSON")
            << uui(kDomain + j(",'token':'eyJhIjoxfQ.bm90IGpzb24.c2ln'")) << u"UUI020"_s << QString();
        QTest::newRow("iss contradicts orgId")
            << uui(j("'orgId':'00D5g000004AbC1',") + kDomain + ',' + base) << u"UUI021"_s << u"00D5g000004XyZ1"_s;
        QTest::newRow("expired") << uui(kDomain + j(",'token':'") +
                                        token(j("{'iat':1764240000,'exp':1764326400,'iss':'00D5g000004XyZ1'}")) + '"')
                                 << u"UUI022"_s << u"2025-11-28T10:40:00Z"_s;
        QTest::newRow("callId not an id")
            << uui(kDomain + ',' + base + j(",'callId':'0LQ5g0000'")) << u"UUI024"_s << QString();
        QTest::newRow("callId 15 characters")
            << uui(kDomain + ',' + base + j(",'callId':'0LQ5g000000AbCd'")) << u"UUI025"_s << u"0LQ5g000000AbCdGAK"_s;
        QTest::newRow("callId wrong suffix")
            << uui(kDomain + ',' + base + j(",'callId':'0LQ5g000000AbCdAAA'")) << u"UUI024"_s << QString();
        QTest::newRow("callId of a Case")
            << uui(kDomain + ',' + base + j(",'callId':'5005g000000AbCd'")) << u"UUI026"_s << u"500"_s;
        QTest::newRow("empty transactionId")
            << uui(kDomain + ',' + base + j(",'transactionId':''")) << u"UUI027"_s << QString();
    }

    void problems() {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        const LintResult r = lint(text, kClock);
        const QList<Diagnostic> found = withCode(r.diagnostics, code);
        QVERIFY2(!found.isEmpty(), qPrintable(u"got: "_s + codes(r.diagnostics).join(u' ')));
        const Diagnostic& d = found.constFirst();
        QVERIFY2(d.message.contains(mentions), qPrintable(d.message));
        if (code != u"UUI003"_s && code != u"UUI010"_s && code != u"UUI013"_s && code != u"UUI017"_s) {
            // Points into the text.
            QVERIFY(d.where.offset >= 0);
            QVERIFY(d.where.offset + d.where.length <= text.size());
            QCOMPARE(d.where.line, 1);
        }
        QVERIFY(!d.where.field.isEmpty() || code == u"UUI003"_s);
    }

    void wrongTypeIsNotCheckedFurther() {
        const QByteArray text = uui(j("'orgId':15,") + kDomain + j(",'token':'") + goodToken() + '"');
        const QStringList found = codes(lint(text, kClock).diagnostics);
        QCOMPARE(found, QStringList{u"UUI008"_s});
    }

    void misCasedKeyIsCheckedAsTheField() {
        // "callid" holds a 15-character id: it is flagged for its case and its value is checked as callId.
        const QByteArray text = uui(kDomain + j(",'token':'") + goodToken() + j("','callid':'0LQ5g000000AbCd'"));
        const QStringList found = codes(lint(text, kClock).diagnostics);
        QVERIFY(found.contains(u"UUI004"_s));
        QVERIFY(found.contains(u"UUI025"_s));
    }

    void budgetUnderAProfile() {
        const QByteArray text = uui(j("'orgId':'00D5g000004XyZ1',") + kDomain + j(",'token':'") + goodToken() + '"');
        LintOptions options;
        options.profile = TrunkUuiProfile();
        options.profile->limitAppliesTo = LimitAppliesTo::HeaderLine; // the strict reading, under which it is over
        const LintResult hex = lint(text, kClock, options);
        QVERIFY(codes(hex.diagnostics).contains(u"SIP001"_s));
        QVERIFY(hex.budget.has_value());
        QCOMPARE(hex.budget->jsonBytes, text.size()); // the text as it is sent
        QVERIFY(!hex.budget->fits());
        QVERIFY(!codes(hex.diagnostics).contains(u"UUI028"_s)); // compact already

        // Layout is sent too: counted, and the saving of the compact form named.
        QByteArray pretty = text;
        pretty.replace(",\"", ",\n  \"");
        const LintResult spaced = lint(pretty, kClock, options);
        QCOMPARE(spaced.budget->jsonBytes, pretty.size());
        QVERIFY(codes(spaced.diagnostics).contains(u"UUI028"_s));
        options.profile->encoding = UuiEncoding::Ascii;
        options.profile->pdMode = PdMode::None;
        const QStringList ascii = codes(lint(text, kClock, options).diagnostics);
        QVERIFY(!ascii.contains(u"SIP001"_s));
        QVERIFY(ascii.contains(u"SIP004"_s));
        QVERIFY(!codes(lint(text, kClock).diagnostics).contains(u"SIP001"_s)); // no profile, no budget
    }

    void lintModelPointsIntoTheComposedJson() {
        UuiModel model;
        model.orgId = u"00XX70000000XXX"_s;
        model.scrt2Domain = u"acme-voice.my.salesforce-scrt.com"_s;
        model.token = QString::fromLatin1(goodToken());
        const ComposedUui composed = compose(model);
        const Diagnostics list = lintModel(model, composed, kClock);
        const Diagnostic org = withCode(list, u"UUI012"_s).value(0);
        QCOMPARE(org.where.field, u"uui.orgId"_s);
        QCOMPARE(composed.json.mid(org.where.offset, org.where.length), QByteArray("00XX70000000XXX"));
        QCOMPARE(org.where.column, static_cast<int>(org.where.offset) + 1);
    }
};

QTEST_GUILESS_MAIN(TestUuiLint)
#include "TestUuiLint.moc"
