// uui::UuiChecker against uui::checkUui: after every change of a random run, the reusing checker and a check from
// scratch must agree on everything they report (the JSON, its spans, every finding with its place, every length,
// share and way out of the budget).
#include "common/Clock.h"
#include "uui/UuiChecks.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::uui;

namespace {

constexpr qint64 kNow = 1796221021; // 2026-12-02

QString b64url(const QByteArray& data) {
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString dump(const diagnostics::Diagnostics& list) {
    QString out;
    for (const diagnostics::Diagnostic& d : list) {
        out += u"%1|%2|%3|%4|%5+%6|%7:%8\n"_s.arg(d.code)
                   .arg(int(d.severity))
                   .arg(d.message, d.where.field)
                   .arg(d.where.offset)
                   .arg(d.where.length)
                   .arg(d.where.line)
                   .arg(d.where.column);
    }
    return out;
}

// Everything a UuiCheck holds, as text, so that a difference shows where it is.
QString dump(const UuiCheck& c) {
    QString out = u"json "_s + QString::fromLatin1(c.composed.json) + u'\n';
    for (const FieldSpan& f : c.composed.fields) {
        out += u"span %1 %2 %3 %4+%5 value %6+%7\n"_s.arg(int(f.field))
                   .arg(f.key)
                   .arg(f.customIndex)
                   .arg(f.offset)
                   .arg(f.length)
                   .arg(f.valueOffset)
                   .arg(f.valueLength);
    }
    out += u"composed\n"_s + dump(c.composed.diagnostics) + u"lint\n"_s + dump(c.lint) + u"claims\n"_s + dump(c.claims);
    const SipBudget& b = c.budget;
    out += u"budget json %1\nvalue %2\nline %3\n"_s.arg(QString::fromLatin1(b.json), QString::fromLatin1(b.headerValue),
                                                        QString::fromLatin1(b.headerLine));
    out += u"lengths %1 %2 %3 %4 %5 limit %6 %7 measured %8 remaining %9\n"_s.arg(b.jsonBytes)
               .arg(b.decodedBytes)
               .arg(b.encodedValueLength)
               .arg(b.headerValueLength)
               .arg(b.headerLineLength)
               .arg(b.limit)
               .arg(int(b.limitAppliesTo))
               .arg(b.measured)
               .arg(b.remaining);
    for (const BudgetShare& s : b.shares) {
        out += u"share %1 %2 %3 %4 %5 %6\n"_s.arg(int(s.kind))
                   .arg(s.name)
                   .arg(int(s.field))
                   .arg(s.customIndex)
                   .arg(s.bytes)
                   .arg(s.encodedChars);
    }
    for (const WayOut& w : b.waysOut) {
        out += u"way %1 %2 %3 %4 %5 %6 %7 %8\n"_s.arg(int(w.kind))
                   .arg(w.key)
                   .arg(w.customIndex)
                   .arg(w.saves)
                   .arg(w.after)
                   .arg(int(w.fits))
                   .arg(int(w.applicable))
                   .arg(w.message);
    }
    return out + u"sip\n"_s + dump(b.diagnostics);
}

class RandomRun {
public:
    explicit RandomRun(quint32 seed)
        : m_random(seed) {
        m_model.orgId = u"00D5g000004XyZ1"_s;
        m_model.scrt2Domain = u"acme-voice.my.salesforce-scrt.com"_s;
        m_model.callId = u"0LQ5g000000AbCdGAK"_s;
        m_model.transactionId = u"order-2026-0122-5489"_s;
        m_model.token = token();
        m_org.orgId = u"00D5g000004XyZ1"_s;
        m_org.callCenterApiName = u"acme_agentforce"_s;
        m_options.renderText = false;
        m_options.computeWaysOut = true;
    }

    int pick(int n) { return int(m_random.bounded(n)); }

    // A token minted for a call: usually well-formed and of the usual length, sometimes not.
    QString token() {
        const qint64 iat = kNow + m_clockOffset - pick(3) * 3600 - (pick(4) == 0 ? 90000 : 0);
        const qint64 exp = iat + (pick(6) == 0 ? 200000 : 86400);
        const QString iss = pick(8) == 0 ? u"00D000000000002"_s : u"00D5g000004XyZ1"_s;
        QByteArray payload = "{\"iat\":" + QByteArray::number(iat) + ",\"exp\":" + QByteArray::number(exp) +
                             ",\"iss\":\"" + iss.toLatin1() + "\",\"sub\":\"acme_agentforce\"";
        if (pick(10) == 0) {
            payload += ",\"jti\":\"" + QByteArray::number(pick(1000)) + '"';
        }
        payload += '}';
        QByteArray signature(pick(10) == 0 ? 128 : 256, Qt::Uninitialized);
        for (char& c : signature) {
            c = char(pick(256));
        }
        const QByteArray header = pick(12) == 0 ? R"({"alg":"HS256","typ":"JWT"})" : R"({"alg":"RS256","typ":"JWT"})";
        QString text = b64url(header) + u'.' + b64url(payload) + u'.' + b64url(signature);
        switch (pick(18)) {
        case 0:
            text.insert(40, u' '); // a space in it
            break;
        case 1:
            text = text.section(u'.', 0, 1); // two parts
            break;
        case 2:
            text = u"[THIS IS A SAMPLE TOKEN]"_s;
            break;
        case 3:
            text.clear();
            break;
        case 4:
            text[text.lastIndexOf(u'.')] = u'A'; // as long, but two parts
            break;
        default:
            break;
        }
        return text;
    }

    std::optional<QString> callId() {
        static const QStringList ids{u"0LQ5g000000AbCdGAK"_s, u"0LQ5g000000AbCe"_s,    u"0LQ5g000000AbCfGAK"_s,
                                     u"001000000000001AAA"_s, u"not-an-id-at-all!!"_s, QString(),
                                     u"0LQ5g000000ZzZzGAK"_s};
        return ids.at(pick(int(ids.size())));
    }

    // One change: mostly what a new call changes (its token, its callId, the clock), sometimes anything else.
    void step() {
        const int what = pick(100);
        if (what < 45) {
            m_model.token = token();
            if (m_model.callId) {
                m_model.callId = callId();
            }
        } else if (what < 60) {
            if (m_model.callId) {
                m_model.callId = callId();
            }
        } else if (what < 70) {
            m_clockOffset += pick(3) == 0 ? 0 : pick(2) == 0 ? 1 : 90000;
        } else if (what < 74) {
            m_model.callId = m_model.callId ? std::nullopt : callId();
        } else if (what < 78) {
            m_model.orgId =
                pick(3) == 0 ? std::nullopt : std::optional<QString>(pick(2) ? u"00D5g000004XyZ1"_s : u""_s);
        } else if (what < 81) {
            m_model.scrt2Domain = pick(2) ? u"acme-voice.my.salesforce-scrt.com"_s : u"acme.example.com"_s;
        } else if (what < 84) {
            m_model.transactionId =
                pick(3) == 0 ? std::nullopt : std::optional<QString>(u"order-"_s + QString::number(pick(100)));
        } else if (what < 88) {
            // Custom parameters, long enough at times to take the UUI over the limit (ways out).
            if (pick(2) == 0 || m_model.customParams.isEmpty()) {
                m_model.customParams.append({u"p%1"_s.arg(pick(3)), QString(pick(4) * 120, u'x') + u"é"_s});
            } else {
                m_model.customParams.removeLast();
            }
        } else if (what < 91) {
            m_trunk.encoding = pick(3) == 0 ? UuiEncoding::Ascii : UuiEncoding::Hex;
        } else if (what < 93) {
            m_trunk.limitAppliesTo = LimitAppliesTo(pick(3));
        } else if (what < 95) {
            m_org.customerType =
                pick(2) ? salesforce::CustomerType::Other : salesforce::CustomerType::VoiceWithTelephonyProviders;
        } else if (what < 97) {
            m_options.renderText = pick(4) == 0;
            m_options.computeWaysOut = pick(2) == 0;
        } else {
            m_options.checkTokenClaims = pick(4) != 0;
            m_options.reusableToken = pick(2) == 0;
        }
    }

    const UuiModel& model() const { return m_model; }
    const TrunkUuiProfile& trunk() const { return m_trunk; }
    const salesforce::OrgProfile& org() const { return m_org; }
    const UuiCheckOptions& options() const { return m_options; }
    qint64 now() const { return kNow + m_clockOffset; }

private:
    QRandomGenerator m_random;
    UuiModel m_model;
    TrunkUuiProfile m_trunk;
    salesforce::OrgProfile m_org;
    UuiCheckOptions m_options;
    qint64 m_clockOffset = 0;
};

} // namespace

class TestUuiChecker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agreesWithCheckUuiOnRandomRuns() {
        int reused = 0;
        int steps = 0;
        for (quint32 seed = 1; seed <= 12; ++seed) {
            RandomRun run(seed);
            UuiChecker checker;
            for (int i = 0; i < 150; ++i, ++steps) {
                const FixedClock clock(QDateTime::fromSecsSinceEpoch(run.now(), Qt::UTC));
                const UuiCheck fast = checker.check(run.model(), run.trunk(), run.org(), clock, run.options());
                reused += checker.lastReused() ? 1 : 0;
                const UuiCheck full = checkUui(run.model(), run.trunk(), run.org(), clock, run.options());
                const QString a = dump(fast);
                const QString b = dump(full);
                if (a != b) {
                    QCOMPARE(a, b); // shows both
                }
                run.step();
            }
        }
        // The runs must exercise the reuse, or they prove nothing about it.
        QVERIFY2(reused > steps / 6, qPrintable(u"%1 of %2 checks reused"_s.arg(reused).arg(steps)));
    }

    // The budget's ways out and SIP003 read how the token splits (the signature's length gives the key size), not
    // only its length: tokens of the same length split otherwise are checked in full, over the limit.
    void aTokenSplitOtherwiseIsCheckedAgain() {
        RandomRun run(7);
        UuiModel model = run.model();
        model.customParams.append({u"notes"_s, QString(700, u'x')});
        const QString header = b64url(R"({"alg":"RS256","typ":"JWT"})");
        const QString payload = b64url("{\"iat\":" + QByteArray::number(kNow) +
                                       ",\"exp\":" + QByteArray::number(kNow + 3600) + R"(,"iss":"00D5g000004XyZ1"})");
        const QString rs2048 = header + u'.' + payload + u'.' + b64url(QByteArray(256, 'a'));
        QString twoParts = rs2048;
        twoParts[twoParts.lastIndexOf(u'.')] = u'A';
        // A longer payload and a 1024-bit signature, as long as the 2048-bit token.
        const QString rs1024 = header + u'.' + payload + QString(171, u'A') + u'.' + b64url(QByteArray(128, 'a'));
        QCOMPARE(rs1024.size(), rs2048.size());
        UuiCheckOptions options = run.options();
        options.computeWaysOut = true;
        const FixedClock clock(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
        for (const QString& next : {twoParts, rs1024}) {
            UuiChecker checker;
            model.token = rs2048;
            const UuiCheck first = checker.check(model, run.trunk(), run.org(), clock, options);
            QVERIFY(!first.budget.fits());
            QVERIFY(!first.budget.waysOut.isEmpty());
            model.token = next;
            QCOMPARE(dump(checker.check(model, run.trunk(), run.org(), clock, options)),
                     dump(checkUui(model, run.trunk(), run.org(), clock, options)));
            QVERIFY(!checker.lastReused());
        }
    }

    // A new call's token and callId only: the reuse, with the new values in the JSON and their own findings.
    void aNewCallReusesAndReportsTheNewValues() {
        RandomRun run(99);
        UuiModel model = run.model();
        model.token = b64url(R"({"alg":"RS256","typ":"JWT"})") + u'.' +
                      b64url("{\"iat\":" + QByteArray::number(kNow) + ",\"exp\":" + QByteArray::number(kNow + 86400) +
                             R"(,"iss":"00D5g000004XyZ1","sub":"acme_agentforce"})") +
                      u'.' + b64url(QByteArray(256, 'a'));
        const FixedClock clock(QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC));
        UuiChecker checker;
        checker.check(model, run.trunk(), run.org(), clock, run.options());
        QVERIFY(!checker.lastReused());

        model.callId = u"0LQ5g000000AbCe"_s; // 15 characters: a different length, so no reuse
        UuiCheck c = checker.check(model, run.trunk(), run.org(), clock, run.options());
        QVERIFY(!checker.lastReused());

        model.callId = u"0LQ5g000000AbCf"_s;
        model.token.chop(4);
        model.token += u"bbbb"_s;
        c = checker.check(model, run.trunk(), run.org(), clock, run.options());
        QVERIFY(checker.lastReused());
        QVERIFY(c.composed.json.contains("\"callId\":\"0LQ5g000000AbCf\""));
        QVERIFY(c.composed.json.contains(model.token.toLatin1()));
        QCOMPARE(c.budget.json, c.composed.json);
        const auto uui025 = std::find_if(c.lint.cbegin(), c.lint.cend(),
                                         [](const diagnostics::Diagnostic& d) { return d.code == u"UUI025"_s; });
        QVERIFY(uui025 != c.lint.cend());
        QVERIFY(uui025->message.contains(u"0LQ5g000000AbCf"_s));

        // The same token two days later is checked again at that time, and has expired by then.
        const FixedClock later(QDateTime::fromSecsSinceEpoch(kNow + 2 * 86400, Qt::UTC));
        c = checker.check(model, run.trunk(), run.org(), later, run.options());
        QVERIFY(checker.lastReused());
        QVERIFY(std::any_of(c.lint.cbegin(), c.lint.cend(),
                            [](const diagnostics::Diagnostic& d) { return d.code == u"UUI022"_s; }));

        // Findings the new values leave as they were keep their lists, shared with the last result's; new findings
        // do not.
        model.callId = u"0LQRM0000006CSz4AM"_s; // the voiceCalls sample's id, 18 characters with its suffix
        const UuiCheck first = checker.check(model, run.trunk(), run.org(), later, run.options());
        model.callId = u"0LQSC00000000014AA"_s;
        const UuiCheck second = checker.check(model, run.trunk(), run.org(), later, run.options());
        QVERIFY(checker.lastReused());
        QVERIFY(second.lint.isSharedWith(first.lint));
        QVERIFY(second.claims.isSharedWith(first.claims));
        QVERIFY(second.budget.diagnostics.isSharedWith(first.budget.diagnostics));
        QVERIFY(second.composed.json.contains("\"callId\":\"0LQSC00000000014AA\""));
        model.callId = u"0LQSC00000000014AB"_s; // not its suffix: UUI024
        const UuiCheck third = checker.check(model, run.trunk(), run.org(), later, run.options());
        QVERIFY(checker.lastReused());
        QVERIFY(!third.lint.isSharedWith(second.lint));
        QVERIFY(std::any_of(third.lint.cbegin(), third.lint.cend(),
                            [](const diagnostics::Diagnostic& d) { return d.code == u"UUI024"_s; }));

        // The header text reads the bytes: checked in full.
        UuiCheckOptions withText = run.options();
        withText.renderText = true;
        checker.check(model, run.trunk(), run.org(), later, withText);
        QVERIFY(!checker.lastReused());
    }
};

QTEST_GUILESS_MAIN(TestUuiChecker)
#include "TestUuiChecker.moc"
