#include "SipFixture.h"
#include "sip/InviteJudge.h"
#include "sip/Sdp.h"
#include "sip/UuiHeaderReader.h"
#include "uui/UuiComposer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace sipfixture;

namespace {

// Splits "Name: value" as a SIP stack hands it over.
sip::ReceivedHeader split(const QByteArray& line) {
    const qsizetype colon = line.indexOf(':');
    return {QString::fromLatin1(line.left(colon)), line.mid(colon + 1).trimmed()};
}

sip::ReceivedInvite inviteWith(const QList<QByteArray>& headerLines, const QByteArray& body = sdp()) {
    sip::ReceivedInvite invite;
    for (const QByteArray& line : headerLines) {
        invite.headers.append(split(line));
    }
    invite.contentType = u"application/sdp"_s;
    invite.body = body;
    return invite;
}

} // namespace

class TestInviteJudge final : public QObject {
    Q_OBJECT

private:
    FixedClock m_clock = FixedClock::atSecs(kNow);

private Q_SLOTS:
    // Every form the trunk profile can write reads back to the JSON composed (core's composer writes, the stand-in
    // reads: two independent paths).
    void readsEveryTrunkForm_data() {
        QTest::addColumn<QString>("headerName");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("pd");
        QTest::addColumn<bool>("encodingParameter");
        for (const QString& name : uui::TrunkUuiProfile::headerNames()) {
            for (const QString& encoding : {u"hex"_s, u"ascii"_s}) {
                for (const QString& pd : {u"prefix"_s, u"param"_s, u"none"_s}) {
                    if (encoding == u"ascii"_s && pd == u"prefix"_s) {
                        continue; // a raw PD octet is not header text
                    }
                    for (const bool parameter : {true, false}) {
                        if (!parameter && encoding == u"ascii"_s) {
                            continue; // without the parameter the receiver assumes hex (docs/uui-budget.md)
                        }
                        QTest::addRow("%s %s %s %s", qPrintable(name), qPrintable(encoding), qPrintable(pd),
                                      parameter ? "with encoding=" : "without")
                            << name << encoding << pd << parameter;
                    }
                }
            }
        }
    }
    void readsEveryTrunkForm() {
        QFETCH(QString, headerName);
        QFETCH(QString, encoding);
        QFETCH(QString, pd);
        QFETCH(bool, encodingParameter);
        uui::TrunkUuiProfile profile = trunk();
        profile.headerName = headerName;
        profile.encoding = *uui::encodingFromKey(encoding);
        profile.pdMode = *uui::pdModeFromKey(pd);
        profile.encodingParameter = encodingParameter;
        const uui::UuiModel m = model(uuiToken(kNow - 60), id18(kVoiceCall15));
        const uui::SipBudget b = uui::budget(m, profile);
        const qsizetype colon = b.headerLine.indexOf(':');
        const sip::ReadUui read =
            sip::readUuiHeader(QString::fromLatin1(b.headerLine.left(colon)), b.headerLine.mid(colon + 1));
        QVERIFY2(read.ok, qPrintable(read.error));
        QCOMPARE(read.data, uui::compose(m).json);
        QCOMPARE(read.encoding, profile.encoding);
        QCOMPARE(read.pdMode, profile.pdMode);
        if (profile.pdMode != uui::PdMode::None) {
            QCOMPARE(*read.pd, profile.protocolDiscriminator);
        }
        QCOMPARE(read.headerLineLength, b.headerLineLength);
        QCOMPARE(read.decodedLength, b.decodedBytes);
        // Judged under the profile that wrote it: accepted, and no "other form" note.
        const sip::Verdict v = sip::judgeInvite(inviteWith({b.headerLine}), context(profile), m_clock);
        QVERIFY2(v.accepted(), qPrintable(v.reason + u' ' + v.warnings.join(u" | "_s)));
        QVERIFY(!v.warnings.join(u' ').contains(u"RSIP021"_s));
    }

    void judges_data() {
        QTest::addColumn<QList<QByteArray>>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code"); // in the first Warning header

        const QByteArray good = headerLine(model(uuiToken(kNow - 60), id18(kVoiceCall15)));
        QTest::newRow("good") << QList<QByteArray>{good} << sdp() << 200 << QString();
        QTest::newRow("good without callId")
            << QList<QByteArray>{headerLine(model(uuiToken(kNow - 60), std::nullopt))} << sdp() << 200 << QString();
        QTest::newRow("no SRTP: accepted with a warning")
            << QList<QByteArray>{good} << sdp(false) << 200 << u"RSIP018"_s;
        QTest::newRow("no PCMU") << QList<QByteArray>{good} << sdp(true, false) << 488 << u"RSIP017"_s;
        QTest::newRow("no SDP") << QList<QByteArray>{good} << QByteArray() << 488 << u"RSIP017"_s;
        QTest::newRow("expired token") << QList<QByteArray>{headerLine(
                                              model(uuiToken(kNow - 2 * 86400, 3600), id18(kVoiceCall15)))}
                                       << sdp() << 403
                                       << u"UUI022"_s; // core's UUI rule on the token's expiry speaks first
        QTest::newRow("token of another key")
            << QList<QByteArray>{headerLine(
                   model(uuiToken(kNow - 60, 86400, testKey("other-rsa2048-test-only.pem")), id18(kVoiceCall15)))}
            << sdp() << 403 << u"RSIP015"_s;
        QTest::newRow("15-character callId")
            << QList<QByteArray>{headerLine(model(uuiToken(kNow - 60), kVoiceCall15))} << sdp() << 400 << u"UUI025"_s;
        QTest::newRow("unknown VoiceCall")
            << QList<QByteArray>{headerLine(model(uuiToken(kNow - 60), id18(kOtherVoiceCall15)))} << sdp() << 404
            << u"RSIP016"_s;
        QTest::newRow("no UUI") << QList<QByteArray>{"X-Other: 1"} << sdp() << 403 << u"RSIP010"_s;
        QTest::newRow("duplicated User-to-User") << QList<QByteArray>{good, good} << sdp() << 400 << u"RSIP011"_s;
        QByteArray xGood = good;
        xGood.prepend("X-");
        QTest::newRow("User-to-User and X-User-to-User")
            << QList<QByteArray>{good, xGood} << sdp() << 400 << u"RSIP011"_s;
        uui::UuiModel big = model(uuiToken(kNow - 60), id18(kVoiceCall15));
        big.transactionId = QString(700, u'x');
        QTest::newRow("oversized header") << QList<QByteArray>{headerLine(big)} << sdp() << 400 << u"RSIP014"_s;
        QTest::newRow("non-hex under encoding=hex")
            << QList<QByteArray>{"User-to-User: 047b22zz7d;encoding=hex"} << sdp() << 400 << u"RSIP012"_s;
        QTest::newRow("odd hex") << QList<QByteArray>{"User-to-User: 047b2;encoding=hex"} << sdp() << 400
                                 << u"RSIP012"_s;
        // {"x":"é"} with é as UTF-8 (C3 A9): bytes 128-255.
        QTest::newRow("bytes 128-255") << QList<QByteArray>{"User-to-User: 047b2278223a22c3a9227d;encoding=hex"}
                                       << sdp() << 400 << u"RSIP013"_s;
        QTest::newRow("not JSON") << QList<QByteArray>{"User-to-User: 04616263;encoding=hex"} << sdp() << 400
                                  << u"RSIP020"_s;
    }
    void judges() {
        QFETCH(QList<QByteArray>, headers);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const sip::Verdict v = sip::judgeInvite(inviteWith(headers, body), context(), m_clock);
        QVERIFY2(v.status == status, qPrintable(u"%1 %2 %3"_s.arg(v.status).arg(v.reason, v.warnings.join(u" | "_s))));
        QVERIFY(!v.reason.isEmpty());
        if (status >= 300) {
            QVERIFY(!v.warnings.isEmpty()); // a refusal always says why
        }
        if (!code.isEmpty() && status >= 300) {
            // The refusal's own reason comes first.
            QVERIFY2(v.warnings.value(0).startsWith(u"399 handoff-standin \"%1 "_s.arg(code)),
                     qPrintable(v.warnings.join(u" | "_s)));
        } else if (!code.isEmpty()) {
            QVERIFY2(v.warnings.join(u'|').contains(u"\"%1 "_s.arg(code)), qPrintable(v.warnings.join(u" | "_s)));
        }
    }

    // The limit follows the profile's reading: the same header is refused under the header-line reading and
    // accepted under the decoded-data reading.
    void limitFollowsTheProfile() {
        const QByteArray line = headerLine(model(uuiToken(kNow - 60), id18(kVoiceCall15)));
        QVERIFY(line.size() > 1024); // a 2048-bit token's UUI, hex-encoded
        uui::TrunkUuiProfile strict = trunk();
        strict.limitAppliesTo = uui::LimitAppliesTo::HeaderLine;
        const sip::Verdict refused = sip::judgeInvite(inviteWith({line}), context(strict), m_clock);
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.warnings.value(0).contains(u"RSIP014"_s));
        QVERIFY(refused.warnings.value(0).contains(QString::number(line.size())));
        const sip::Verdict accepted = sip::judgeInvite(inviteWith({line}), context(trunk()), m_clock);
        QCOMPARE(accepted.status, 200);
    }

    void warningValueIsQuotedText() {
        const QString w = sip::warningValue(u"agent"_s, u"X001"_s, u"say \"hi\"\\ é\r\n"_s);
        QCOMPARE(w, u"399 agent \"X001 say \\\"hi\\\"\\\\\""_s);
    }

    void sdpOfferRoundTrip() {
        const sip::SdpOffer secure = sip::readSdpOffer(sip::sdpOffer(u"127.0.0.1"_s, 49170, true, 7));
        QVERIFY(secure.parsed && secure.pcmu && secure.srtp);
        QCOMPARE(secure.cryptoSuite, u"AES_CM_128_HMAC_SHA1_80"_s);
        const sip::SdpOffer plain = sip::readSdpOffer(sip::sdpOffer(u"127.0.0.1"_s, 49170, false, 7));
        QVERIFY(plain.parsed && plain.pcmu && !plain.srtp);
        QVERIFY(!sip::readSdpOffer("garbage").parsed);
    }
};

QTEST_GUILESS_MAIN(TestInviteJudge)
#include "TestInviteJudge.moc"
