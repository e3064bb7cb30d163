#include "uui/SipHeaderBudget.h"

#include <QTest>

#include <numeric>

using namespace Qt::StringLiterals;
using namespace handoff::uui;

namespace {

// {"scrt2Domain":"a","token":"b"}: 1 + 13 + 1 + 3 + 1 + 7 + 1 + 3 + 1 = 31 bytes, counted by hand.
UuiModel tinyModel() {
    UuiModel model;
    model.scrt2Domain = u"a"_s;
    model.token = u"b"_s;
    return model;
}

QString b64url(const QByteArray& data) {
    return QString::fromLatin1(data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A token of the shape and size RS256 gives with a key of `bits` (the signature bytes are not a real signature:
// the budget only counts characters).
QString tokenOfKeySize(int bits) {
    const QString header = b64url(R"({"alg":"RS256","typ":"JWT"})");
    const QString payload =
        b64url(R"({"iat":1764331200,"exp":1764417600,"iss":"00D5g000004XyZ1","sub":"acme_agentforce"})");
    return header + u'.' + payload + u'.' + b64url(QByteArray(bits / 8, '\x5a'));
}

UuiModel realisticModel(int bits) {
    UuiModel model;
    model.orgId = u"00D5g000004XyZ1"_s;
    model.scrt2Domain = u"acme-voice.my.salesforce-scrt.com"_s;
    model.token = tokenOfKeySize(bits);
    model.callId = u"0LQ5g000000AbCdGAK"_s;
    model.transactionId = u"order-2026-0122-5489"_s;
    return model;
}

bool hasCode(const handoff::diagnostics::Diagnostics& list, const QString& code) {
    return std::any_of(list.cbegin(), list.cend(), [&](const auto& d) { return d.code == code; });
}

const WayOut* findWay(const SipBudget& b, WayOut::Kind kind, const QString& key = {}) {
    for (const WayOut& way : b.waysOut) {
        if (way.kind == kind && (key.isEmpty() || way.key == key)) {
            return &way;
        }
    }
    return nullptr;
}

} // namespace

class TestSipHeaderBudget final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Hand-computed lengths for a 31-byte JSON under each encoding and PD mode. "User-to-User: " is 14 characters,
    // ";encoding=hex" 13, ";encoding=ascii" 15, ";pd=04" 6.
    void arithmetic_data() {
        QTest::addColumn<UuiEncoding>("encoding");
        QTest::addColumn<PdMode>("pd");
        QTest::addColumn<int>("decoded");
        QTest::addColumn<int>("encodedValue");
        QTest::addColumn<int>("headerValue");
        QTest::addColumn<int>("headerLine");
        QTest::addColumn<QByteArray>("line");

        const QByteArray hexJson = QByteArray(R"({"scrt2Domain":"a","token":"b"})").toHex();
        QTest::newRow("hex prefix") << UuiEncoding::Hex << PdMode::Prefix << 32 << 64 << 77 << 91
                                    << "User-to-User: 04" + hexJson + ";encoding=hex";
        QTest::newRow("hex param") << UuiEncoding::Hex << PdMode::Parameter << 31 << 62 << 81 << 95
                                   << "User-to-User: " + hexJson + ";pd=04;encoding=hex";
        QTest::newRow("hex none") << UuiEncoding::Hex << PdMode::None << 31 << 62 << 75 << 89
                                  << "User-to-User: " + hexJson + ";encoding=hex";
        QTest::newRow("ascii prefix")
            << UuiEncoding::Ascii << PdMode::Prefix << 32 << 32 << 47 << 61
            << QByteArray("User-to-User: \x04{\"scrt2Domain\":\"a\",\"token\":\"b\"};encoding=ascii");
        QTest::newRow("ascii param") << UuiEncoding::Ascii << PdMode::Parameter << 31 << 31 << 52 << 66
                                     << QByteArray(
                                            R"(User-to-User: {"scrt2Domain":"a","token":"b"};pd=04;encoding=ascii)");
        QTest::newRow("ascii none") << UuiEncoding::Ascii << PdMode::None << 31 << 31 << 46 << 60
                                    << QByteArray(R"(User-to-User: {"scrt2Domain":"a","token":"b"};encoding=ascii)");
    }

    void arithmetic() {
        QFETCH(UuiEncoding, encoding);
        QFETCH(PdMode, pd);
        QFETCH(int, decoded);
        QFETCH(int, encodedValue);
        QFETCH(int, headerValue);
        QFETCH(int, headerLine);
        QFETCH(QByteArray, line);

        TrunkUuiProfile profile;
        profile.encoding = encoding;
        profile.pdMode = pd;
        profile.parameters.clear();
        const SipBudget b = budget(tinyModel(), profile);
        QCOMPARE(b.jsonBytes, 31);
        QCOMPARE(b.decodedBytes, decoded);
        QCOMPARE(b.encodedValueLength, encodedValue);
        QCOMPARE(b.headerValueLength, headerValue);
        QCOMPARE(b.headerLineLength, headerLine);
        QCOMPARE(b.headerLine, line);
        QCOMPARE(b.measured, decoded); // default: the limit applies to the decoded data (docs/uui-budget.md)
        QCOMPARE(b.remaining, 1024 - decoded);
        QVERIFY(b.fits());
        QVERIFY(b.waysOut.isEmpty());

        // Shares add up to the header line, and the data shares to the JSON.
        qsizetype chars = 0;
        qsizetype jsonShare = 0;
        for (const BudgetShare& share : b.shares) {
            chars += share.encodedChars;
            if (share.kind == BudgetShare::Kind::Field || share.kind == BudgetShare::Kind::Braces) {
                jsonShare += share.bytes;
            }
        }
        QCOMPARE(chars, b.headerLineLength);
        QCOMPARE(jsonShare, b.jsonBytes);

        // The value decodes back to the JSON.
        const auto back = decodeHeaderValue(b.headerValue, profile);
        QVERIFY(back.has_value());
        QCOMPARE(*back, b.json);

        // The ascii prefix form carries the non-printable PD 0x04: reported.
        QCOMPARE(hasCode(b.diagnostics, u"SIP005"_s), encoding == UuiEncoding::Ascii && pd == PdMode::Prefix);
        QCOMPARE(hasCode(b.diagnostics, u"SIP004"_s), encoding == UuiEncoding::Ascii);
    }

    void headerNameAndParameters() {
        TrunkUuiProfile profile; // default parameters: purpose=isdn-uui;content=isdn-uui (17 + 17)
        profile.headerName = u"X-User-to-User"_s;
        const SipBudget b = budget(tinyModel(), profile);
        QCOMPARE(b.headerLineLength, 91 + 2 + 34);
        QVERIFY(b.headerLine.endsWith(";encoding=hex;purpose=isdn-uui;content=isdn-uui"));
        QVERIFY(b.headerLine.startsWith("X-User-to-User: 04"));
        QVERIFY(b.diagnostics.isEmpty());
    }

    void limitAppliesTo_data() {
        QTest::addColumn<LimitAppliesTo>("appliesTo");
        QTest::addColumn<int>("measured");
        QTest::newRow("line") << LimitAppliesTo::HeaderLine << 91;
        QTest::newRow("value") << LimitAppliesTo::HeaderValue << 77;
        QTest::newRow("data") << LimitAppliesTo::DecodedData << 32;
    }

    void limitAppliesTo() {
        QFETCH(LimitAppliesTo, appliesTo);
        QFETCH(int, measured);
        TrunkUuiProfile profile;
        profile.parameters.clear();
        profile.limitAppliesTo = appliesTo;
        profile.limit = 80;
        const SipBudget b = budget(tinyModel(), profile);
        QCOMPARE(b.measured, measured);
        QCOMPARE(b.remaining, 80 - measured);
        QCOMPARE(b.fits(), measured <= 80);
        QCOMPARE(hasCode(b.diagnostics, u"SIP001"_s), measured > 80);
        // Under the default reading (decoded data), a longer header line is an info, never a warning; under the
        // header value reading, the longer line is warned about (SIP002). The line reading is the strictest.
        QCOMPARE(hasCode(b.diagnostics, u"SIP002"_s), appliesTo == LimitAppliesTo::HeaderValue);
        QCOMPARE(hasCode(b.diagnostics, u"SIP007"_s), appliesTo == LimitAppliesTo::DecodedData);
        for (const auto& d : b.diagnostics) {
            if (d.code == u"SIP007"_s) {
                QCOMPARE(d.severity, handoff::diagnostics::Severity::Info);
                QVERIFY(d.message.contains(u"SBC"_s));
            }
        }
    }

    // The worked example of docs/uui-budget.md under the default reading: a 2048-bit RS256 UUI (~560-750 bytes) fits
    // the 1,024 on the decoded data, and the 1,300-odd characters of its hex header line are an info, not a problem.
    void rs256With2048BitsFitsOnTheDecodedData() {
        const UuiModel model = realisticModel(2048);
        const SipBudget b = budget(model, TrunkUuiProfile{});
        QCOMPARE(b.limitAppliesTo, LimitAppliesTo::DecodedData);
        QCOMPARE(b.measured, b.jsonBytes + 1); // the JSON and the PD octet
        QVERIFY(b.fits());
        QVERIFY(b.headerLineLength > 1024);
        QVERIFY(b.waysOut.isEmpty());
        QVERIFY(!handoff::diagnostics::hasErrors(b.diagnostics));
        QCOMPARE(handoff::diagnostics::worstSeverity(b.diagnostics), handoff::diagnostics::Severity::Info);
        QVERIFY(hasCode(b.diagnostics, u"SIP007"_s));
    }

    // The worked example of docs/uui-budget.md: a 2048-bit token in hex cannot fit in 1,024 characters.
    // Under the header line reading (selectable), it cannot fit.
    void rs256With2048BitsOverflowsInHex() {
        const UuiModel model = realisticModel(2048);
        TrunkUuiProfile profile;
        profile.limitAppliesTo = LimitAppliesTo::HeaderLine;
        const SipBudget b = budget(model, profile);
        QVERIFY(!b.fits());
        // "User-to-User: " + hex(PD + JSON) + ";encoding=hex;purpose=isdn-uui;content=isdn-uui"
        QCOMPARE(b.headerLineLength, 14 + 2 * (1 + b.jsonBytes) + 13 + 34);
        QVERIFY(b.headerLineLength > 1024);
        QCOMPARE(b.remaining, 1024 - b.headerLineLength);
        QVERIFY(hasCode(b.diagnostics, u"SIP001"_s));
        QVERIFY(hasCode(b.diagnostics, u"SIP003"_s)); // the token alone does not fit

        // Ascii is no way out toward Salesforce (it requires hex), and neither is another reading of the limit: the
        // ways out are the fields Salesforce lets go and, for information, the key size.
        for (const WayOut& way : b.waysOut) {
            QVERIFY(way.kind == WayOut::Kind::DropOrgId || way.kind == WayOut::Kind::DropField ||
                    way.kind == WayOut::Kind::SmallerKey);
            QVERIFY(!way.message.contains(u"ascii"_s));
        }

        // orgId first: dropping it removes "orgId":"00D5g000004XyZ1" and the comma after it, 26 bytes = 52 hex.
        const WayOut* org = findWay(b, WayOut::Kind::DropOrgId);
        QVERIFY(org);
        QCOMPARE(org->saves, 52);
        QVERIFY(!org->fits);

        // ,"transactionId":"order-2026-0122-5489": 1 + 15 + 1 + 22 = 39 bytes = 78 hex.
        const WayOut* tx = findWay(b, WayOut::Kind::DropField, u"transactionId"_s);
        QVERIFY(tx);
        QCOMPARE(tx->saves, 78);
        // ,"callId":"0LQ5g000000AbCdGAK": 1 + 8 + 1 + 20 = 30 bytes = 60 hex.
        const WayOut* call = findWay(b, WayOut::Kind::DropField, u"callId"_s);
        QVERIFY(call);
        QCOMPARE(call->saves, 60);

        // 1024-bit key: the signature is 171 base64url characters instead of 342, 171 bytes = 342 hex.
        const WayOut* key = findWay(b, WayOut::Kind::SmallerKey);
        QVERIFY(key);
        QCOMPARE(key->saves, 342);
        QVERIFY(!key->applicable);

        // Best first.
        for (int i = 1; i < b.waysOut.size(); ++i) {
            QVERIFY(b.waysOut.at(i - 1).saves >= b.waysOut.at(i).saves);
        }
        for (const WayOut& way : b.waysOut) {
            QVERIFY(!way.message.isEmpty());
        }
    }

    // Every combination of encoding, PD mode and limit measure: a way out's promised length is the length of the UUI
    // composed without the field (the what-ifs are computed by arithmetic; the full budget renders the header).
    // Applying a way out to a project is project::applyWayOut, tested in TestComposition.
    void aWayOutPromisesTheLengthWithoutTheField_data() {
        QTest::addColumn<UuiEncoding>("encoding");
        QTest::addColumn<PdMode>("pd");
        QTest::addColumn<LimitAppliesTo>("appliesTo");
        for (UuiEncoding e : {UuiEncoding::Hex, UuiEncoding::Ascii}) {
            for (PdMode m : {PdMode::Prefix, PdMode::Parameter, PdMode::None}) {
                for (LimitAppliesTo a :
                     {LimitAppliesTo::HeaderLine, LimitAppliesTo::HeaderValue, LimitAppliesTo::DecodedData}) {
                    const QByteArray name = encodingKey(e).toLatin1() + ' ' + pdModeKey(m).toLatin1() + ' ' +
                                            limitAppliesToKey(a).toLatin1();
                    QTest::newRow(name.constData()) << e << m << a;
                }
            }
        }
    }

    void aWayOutPromisesTheLengthWithoutTheField() {
        QFETCH(UuiEncoding, encoding);
        QFETCH(PdMode, pd);
        QFETCH(LimitAppliesTo, appliesTo);
        UuiModel model = realisticModel(2048);
        model.customParams = {{u"lang"_s, u"de"_s}};
        TrunkUuiProfile profile;
        profile.encoding = encoding;
        profile.pdMode = pd;
        profile.limitAppliesTo = appliesTo;
        profile.limit = 300; // over in every combination
        const SipBudget before = budget(model, profile);
        QVERIFY(!before.fits());
        QVERIFY(!before.waysOut.isEmpty());
        for (const WayOut& way : before.waysOut) {
            UuiModel m = model;
            if (way.kind == WayOut::Kind::SmallerKey) {
                continue;
            }
            if (way.kind == WayOut::Kind::DropOrgId) {
                m.orgId.reset();
            } else if (way.customIndex >= 0) {
                m.customParams.removeAt(way.customIndex);
            } else if (way.key == u"callId"_s) {
                m.callId.reset();
            } else {
                QCOMPARE(way.key, u"transactionId"_s);
                m.transactionId.reset();
            }
            const SipBudget after = budget(m, profile);
            QCOMPARE(after.measured, way.after);
            // "fits" only when the UUI after it has no error (in ascii the prefix PD 0x04 is one).
            QCOMPARE(way.fits, after.fits() && !handoff::diagnostics::hasErrors(after.diagnostics));
        }
    }

    // Issue 11: in ascii with the PD as a prefix, a field left out may bring the length under the limit, but the
    // UUI still has an error (SIP005: the octet 0x04 cannot be sent in ascii), so the way out does not "fit".
    void aWayOutDoesNotFitWhileAnErrorStays() {
        UuiModel model = tinyModel();
        model.transactionId = u"0123456789"_s;
        TrunkUuiProfile profile;
        profile.encoding = UuiEncoding::Ascii;
        profile.pdMode = PdMode::Prefix;
        profile.limitAppliesTo = LimitAppliesTo::DecodedData;
        profile.limit = 40; // 32 + 27 bytes of transactionId: over; without it: under
        const SipBudget b = budget(model, profile);
        QVERIFY(!b.fits());
        const WayOut* tx = findWay(b, WayOut::Kind::DropField, u"transactionId"_s);
        QVERIFY(tx);
        QVERIFY(tx->after <= 40);
        QVERIFY(!tx->fits);
        QVERIFY(tx->message.contains(u"still has an error"_s));
        // With the PD as a parameter, nothing in the data stands in ascii's way: the same way out fits.
        profile.pdMode = PdMode::Parameter;
        const SipBudget param = budget(model, profile);
        const WayOut* tx2 = findWay(param, WayOut::Kind::DropField, u"transactionId"_s);
        QVERIFY(tx2);
        QVERIFY(tx2->fits);
    }

    // SIP003 ("cannot fit whatever you drop") agrees with composing the smallest UUI and measuring it.
    void tokenAloneTooLong_data() {
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("withOrgId");
        for (int bits : {1024, 2048}) {
            for (int limit : {500, 700, 800, 900, 1000, 1100, 1200, 1400}) {
                for (bool withOrgId : {true, false}) {
                    const QByteArray name = QByteArray::number(bits) + " bits, limit " + QByteArray::number(limit) +
                                            (withOrgId ? " with orgId" : " without orgId");
                    QTest::newRow(name.constData()) << bits << limit << withOrgId;
                }
            }
        }
    }

    void tokenAloneTooLong() {
        QFETCH(int, bits);
        QFETCH(int, limit);
        QFETCH(bool, withOrgId);
        UuiModel model = realisticModel(bits);
        if (!withOrgId) {
            model.orgId.reset();
        }
        TrunkUuiProfile profile;
        profile.limitAppliesTo = LimitAppliesTo::HeaderLine; // the reading under which the token can be too long
        profile.limit = limit;
        UuiModel minimal;
        minimal.scrt2Domain = model.scrt2Domain;
        minimal.token = model.token;
        const SipBudget full = budget(model, profile);
        const bool floorOver = !budget(minimal, profile).fits();
        QCOMPARE(hasCode(full.diagnostics, u"SIP003"_s), !full.fits() && floorOver);
    }

    void fitsInAsciiWith2048Bits() {
        TrunkUuiProfile profile;
        profile.encoding = UuiEncoding::Ascii;
        profile.pdMode = PdMode::None;
        const SipBudget b = budget(realisticModel(2048), profile);
        QVERIFY(b.fits());
        QVERIFY(b.waysOut.isEmpty());
        QVERIFY(!hasCode(b.diagnostics, u"SIP001"_s));
        QVERIFY(hasCode(b.diagnostics, u"SIP004"_s));
    }

    void asciiCannotCarrySemicolon() {
        UuiModel model = tinyModel();
        model.transactionId = u"a;b"_s;
        TrunkUuiProfile profile;
        profile.encoding = UuiEncoding::Ascii;
        profile.pdMode = PdMode::None;
        QVERIFY(hasCode(budget(model, profile).diagnostics, u"SIP005"_s));
        profile.encoding = UuiEncoding::Hex;
        QVERIFY(!hasCode(budget(model, profile).diagnostics, u"SIP005"_s));
    }

    void profileValidation_data() {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QStringList>("parameters");
        QTest::addColumn<bool>("valid");
        QTest::newRow("defaults") << u"User-to-User"_s << 1024 << QStringList{u"purpose=isdn-uui"_s} << true;
        QTest::newRow("x-header") << u"X-User-to-User"_s << 1024 << QStringList{} << true;
        QTest::newRow("other header") << u"UUI"_s << 1024 << QStringList{} << false;
        QTest::newRow("zero limit") << u"User-to-User"_s << 0 << QStringList{} << false;
        QTest::newRow("bad parameter") << u"User-to-User"_s << 1024 << QStringList{u"a b"_s} << false;
        QTest::newRow("encoding twice") << u"User-to-User"_s << 1024 << QStringList{u"encoding=hex"_s} << false;
    }

    void profileValidation() {
        QFETCH(QString, header);
        QFETCH(int, limit);
        QFETCH(QStringList, parameters);
        QFETCH(bool, valid);
        TrunkUuiProfile profile;
        profile.headerName = header;
        profile.limit = limit;
        profile.parameters = parameters;
        const auto list = profile.validate();
        QCOMPARE(list.isEmpty(), valid);
        for (const auto& d : list) {
            QCOMPARE(d.code, u"SIP006"_s);
        }
    }

    void keysRoundTrip() {
        for (UuiEncoding e : {UuiEncoding::Hex, UuiEncoding::Ascii}) {
            QCOMPARE(encodingFromKey(encodingKey(e)), e);
        }
        for (PdMode m : {PdMode::Prefix, PdMode::Parameter, PdMode::None}) {
            QCOMPARE(pdModeFromKey(pdModeKey(m)), m);
        }
        for (LimitAppliesTo a :
             {LimitAppliesTo::HeaderLine, LimitAppliesTo::HeaderValue, LimitAppliesTo::DecodedData}) {
            QCOMPARE(limitAppliesToFromKey(limitAppliesToKey(a)), a);
        }
        QVERIFY(!encodingFromKey(u"base64"_s));
        QCOMPARE(TrunkUuiProfile::parseParameters(u";purpose=isdn-uui; ;content=isdn-uui"_s),
                 (QStringList{u"purpose=isdn-uui"_s, u"content=isdn-uui"_s}));
    }

    // The length-only path (BudgetOptions::renderText false, for simulated calls without a trace) gives every
    // number, share, diagnostic and way out the full path gives, for every trunk form; only the text is missing.
    // The full path's lengths are checked against the text it built, so both agree with what goes on the wire.
    void lengthOnlyPathAgreesWithTheFullPath() {
        UuiModel nonAscii = realisticModel(2048);
        nonAscii.customParams.append({u"note"_s, u"caf\u00e9; ok"_s}); // a ';' that ascii cannot carry
        const QList<UuiModel> models{tinyModel(), realisticModel(1024), realisticModel(2048), realisticModel(4096),
                                     nonAscii};
        int combinations = 0;
        for (const UuiEncoding encoding : {UuiEncoding::Hex, UuiEncoding::Ascii}) {
            for (const PdMode pd : {PdMode::Prefix, PdMode::Parameter, PdMode::None}) {
                for (const LimitAppliesTo appliesTo :
                     {LimitAppliesTo::DecodedData, LimitAppliesTo::HeaderValue, LimitAppliesTo::HeaderLine}) {
                    for (const bool encodingParameter : {true, false}) {
                        for (const UuiModel& model : models) {
                            TrunkUuiProfile profile;
                            profile.encoding = encoding;
                            profile.pdMode = pd;
                            profile.limitAppliesTo = appliesTo;
                            profile.encodingParameter = encodingParameter;
                            BudgetOptions lengthsOnly;
                            lengthsOnly.renderText = false;
                            const SipBudget full = budget(model, profile);
                            const SipBudget numbers = budget(model, profile, lengthsOnly);
                            QVERIFY(numbers.headerValue.isEmpty() && numbers.headerLine.isEmpty());
                            QCOMPARE(full.headerValueLength, full.headerValue.size());
                            QCOMPARE(full.headerLineLength, full.headerLine.size());
                            QCOMPARE(numbers.json, full.json);
                            QCOMPARE(numbers.jsonBytes, full.jsonBytes);
                            QCOMPARE(numbers.decodedBytes, full.decodedBytes);
                            QCOMPARE(numbers.encodedValueLength, full.encodedValueLength);
                            QCOMPARE(numbers.headerValueLength, full.headerValueLength);
                            QCOMPARE(numbers.headerLineLength, full.headerLineLength);
                            QCOMPARE(numbers.measured, full.measured);
                            QCOMPARE(numbers.remaining, full.remaining);
                            QCOMPARE(numbers.fits(), full.fits());
                            QCOMPARE(numbers.shares.size(), full.shares.size());
                            for (qsizetype i = 0; i < full.shares.size(); ++i) {
                                QCOMPARE(numbers.shares[i].name, full.shares[i].name);
                                QCOMPARE(numbers.shares[i].bytes, full.shares[i].bytes);
                                QCOMPARE(numbers.shares[i].encodedChars, full.shares[i].encodedChars);
                            }
                            QCOMPARE(numbers.diagnostics.size(), full.diagnostics.size());
                            for (qsizetype i = 0; i < full.diagnostics.size(); ++i) {
                                QCOMPARE(numbers.diagnostics[i].code, full.diagnostics[i].code);
                                QCOMPARE(numbers.diagnostics[i].message, full.diagnostics[i].message);
                            }
                            QCOMPARE(numbers.waysOut.size(), full.waysOut.size());
                            for (qsizetype i = 0; i < full.waysOut.size(); ++i) {
                                QCOMPARE(numbers.waysOut[i].after, full.waysOut[i].after);
                                QCOMPARE(numbers.waysOut[i].message, full.waysOut[i].message);
                            }
                            const SipBudget dataFull = budgetForData(full.json, profile);
                            const SipBudget dataNumbers = budgetForData(full.json, profile, lengthsOnly);
                            QCOMPARE(dataNumbers.headerLineLength, dataFull.headerLine.size());
                            QCOMPARE(dataNumbers.measured, dataFull.measured);
                            QCOMPARE(dataNumbers.diagnostics.size(), dataFull.diagnostics.size());
                            ++combinations;
                        }
                    }
                }
            }
        }
        QCOMPARE(combinations, 2 * 3 * 3 * 2 * 5);
    }

    void decodeRejectsWrongInput() {
        TrunkUuiProfile profile;
        QVERIFY(!decodeHeaderValue("04abc", profile));                         // odd length
        QVERIFY(!decodeHeaderValue("05" + QByteArray("{}").toHex(), profile)); // wrong PD
        QVERIFY(!decodeHeaderValue("zz", profile));
    }
};

QTEST_GUILESS_MAIN(TestSipHeaderBudget)
#include "TestSipHeaderBudget.moc"
