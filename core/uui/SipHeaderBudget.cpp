#include "SipHeaderBudget.h"

#include "diagnostics/Catalog.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cctype>

using namespace Qt::StringLiterals;

namespace handoff::uui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::uui", text);
}

// Numbers in messages, grouped the user's way (the default locale, which the app sets). Formatting through the
// system locale asks the platform on every call, which the per-keystroke recompute notices; a locale built from
// its name formats from Qt's own data. One per thread, refreshed when the default locale changes.
QString number(qsizetype n) {
    thread_local QString name;
    thread_local QLocale locale = QLocale::c();
    const QLocale current;
    if (current.language() != locale.language() || current.territory() != locale.territory() || name.isEmpty()) {
        name = current.name();
        locale = QLocale(name);
    }
    return locale.toString(static_cast<qlonglong>(n));
}

qsizetype charsPerOctet(UuiEncoding encoding) {
    return encoding == UuiEncoding::Hex ? 2 : 1;
}

QByteArray pdHex(quint8 pd) {
    return QByteArray(1, static_cast<char>(pd)).toHex();
}

// The `;` parameters after the encoded data, as the trunk writes them.
QByteArray parametersOf(const TrunkUuiProfile& profile) {
    QByteArray params;
    if (profile.pdMode == PdMode::Parameter) {
        params += ";pd=" + pdHex(profile.protocolDiscriminator);
    }
    if (profile.encodingParameter) {
        params += ";encoding=" + encodingKey(profile.encoding).toLatin1();
    }
    for (const QString& p : profile.parameters) {
        params += ';' + p.toUtf8();
    }
    return params;
}

// The rendering that does not depend on how the data splits into fields. With `text` false the header value and
// line are not built (no hex text): only their lengths, which are the same arithmetic (BudgetOptions::renderText).
SipBudget render(const QByteArray& data, const TrunkUuiProfile& profile, bool text = true) {
    SipBudget b;
    b.profile = profile;
    b.json = data;
    b.limit = profile.limit;
    b.limitAppliesTo = profile.limitAppliesTo;

    const QByteArray params = parametersOf(profile);
    const QByteArray name = profile.headerName.toUtf8() + ": ";
    const bool prefix = profile.pdMode == PdMode::Prefix;
    b.jsonBytes = data.size();
    b.decodedBytes = data.size() + (prefix ? 1 : 0);
    b.encodedValueLength = b.decodedBytes * charsPerOctet(profile.encoding);
    b.headerValueLength = b.encodedValueLength + params.size();
    b.headerLineLength = name.size() + b.headerValueLength;
    if (text) {
        QByteArray octets;
        octets.reserve(b.decodedBytes);
        if (prefix) {
            octets.append(static_cast<char>(profile.protocolDiscriminator));
        }
        octets.append(data);
        b.headerValue = (profile.encoding == UuiEncoding::Hex ? octets.toHex() : octets) + params;
        b.headerLine = name + b.headerValue;
    }
    b.measured = b.lengthFor(profile.limitAppliesTo);
    b.remaining = b.limit - b.measured;

    BudgetShare header;
    header.kind = BudgetShare::Kind::HeaderName;
    header.name = u"header"_s;
    header.encodedChars = name.size();
    b.shares.append(header);
    if (prefix) {
        BudgetShare pd;
        pd.kind = BudgetShare::Kind::PdOctet;
        pd.name = u"pd"_s;
        pd.bytes = 1;
        pd.encodedChars = charsPerOctet(profile.encoding);
        b.shares.append(pd);
    }
    return b;
}

void finishShares(SipBudget& b) {
    BudgetShare share;
    share.kind = BudgetShare::Kind::Parameters;
    share.name = u"parameters"_s;
    share.encodedChars = b.headerValueLength - b.encodedValueLength;
    b.shares.append(share);
}

// The problems of sending `data` under `profile`'s encoding: ascii (SIP004) and what ascii cannot carry (SIP005).
diagnostics::Diagnostics encodingProblems(const QByteArray& data, const TrunkUuiProfile& profile) {
    diagnostics::Diagnostics out;
    if (profile.encoding != UuiEncoding::Ascii) {
        return out;
    }
    out.append(diagnostics::make(
        "SIP004",
        handoff::uui::tr(
            "The trunk sends the UUI as ascii. Salesforce documents hex; use ascii only if the receiving side accepts "
            "it. In ascii the JSON's commas and quotes travel unescaped, and a SIP parser may split the value at a "
            "comma."),
        {u"trunk.encoding"_s}));
    for (qsizetype i = 0; i < data.size(); ++i) {
        const auto c = static_cast<unsigned char>(data.at(i));
        if (c >= 0x80 || c < 0x20 || c == 0x7f || c == ';') {
            out.append(diagnostics::make(
                "SIP005",
                handoff::uui::tr(
                    "The UUI has a character at byte %1 that ascii encoding cannot carry in a SIP header (non-ASCII, "
                    "control character or ';'); use hex encoding or remove the character.")
                    .arg(i + 1),
                {u"uui"_s, i, 1, 1, static_cast<int>(i) + 1}));
            break;
        }
    }
    if (profile.pdMode == PdMode::Prefix &&
        (profile.protocolDiscriminator < 0x20 || profile.protocolDiscriminator >= 0x7f)) {
        out.append(diagnostics::make(
            "SIP005",
            handoff::uui::tr(
                "The protocol discriminator 0x%1 is not a printable character, so it cannot be sent as a prefix in "
                "ascii; send it as a pd= parameter or not at all.")
                .arg(QString::fromLatin1(pdHex(profile.protocolDiscriminator))),
            {u"trunk.pdMode"_s}));
    }
    return out;
}

// The profile's own problems (SIP006), computed once per profile and UI language: every budget of a UUI under the
// same trunk asks for them again (the simulator does, once per call).
const diagnostics::Diagnostics& profileProblems(const TrunkUuiProfile& profile) {
    thread_local std::optional<TrunkUuiProfile> last;
    thread_local QString language;
    thread_local diagnostics::Diagnostics problems;
    // The translator in use shows in any translated word; the locale in the number format.
    const QString current = QLocale().name() + u'|' + handoff::uui::tr("bytes");
    if (!last || !(*last == profile) || language != current) {
        last = profile;
        language = current;
        problems = profile.validate();
    }
    return problems;
}

void checkEncoding(SipBudget& b) {
    b.diagnostics.append(profileProblems(b.profile));
    b.diagnostics.append(encodingProblems(b.json, b.profile));
}

QString measureName(LimitAppliesTo appliesTo) {
    return limitAppliesToName(appliesTo);
}

void checkLimit(SipBudget& b) {
    if (b.limit <= 0) {
        return;
    }
    const QString unit =
        b.limitAppliesTo == LimitAppliesTo::DecodedData ? handoff::uui::tr("bytes") : handoff::uui::tr("characters");
    if (!b.fits()) {
        b.diagnostics.append(diagnostics::make(
            "SIP001",
            handoff::uui::tr(
                "The UUI header is %1 %2 on %3, %4 over the limit of %5 (%6 encoding). Apply one of the ways out.")
                .arg(number(b.measured), unit, measureName(b.limitAppliesTo), number(-b.remaining), number(b.limit),
                     encodingKey(b.profile.encoding)),
            {u"budget"_s}));
        return;
    }
    if (b.limitAppliesTo == LimitAppliesTo::DecodedData) {
        // The default reading: a longer header line or value is no fault of the UUI, but a device on the path may
        // have a header length limit of its own.
        if (b.headerLineLength > b.limit) {
            b.diagnostics.append(diagnostics::make(
                "SIP007",
                handoff::uui::tr(
                    "The UUI data is %1 bytes and fits the limit of %2, measured on the decoded data. The header line "
                    "is %3 characters (the value %4); if an SBC or proxy on the path limits header length, check "
                    "that it lets a header this long through. Only a real transfer proves it.")
                    .arg(number(b.decodedBytes), number(b.limit), number(b.headerLineLength),
                         number(b.headerValueLength)),
                {u"trunk.limitAppliesTo"_s}));
        }
        return;
    }
    QStringList over;
    for (LimitAppliesTo other : {LimitAppliesTo::HeaderLine, LimitAppliesTo::HeaderValue}) {
        if (other != b.limitAppliesTo && b.lengthFor(other) > b.limit) {
            over.append(handoff::uui::tr("%1 (%2)").arg(measureName(other), number(b.lengthFor(other))));
        }
    }
    if (!over.isEmpty()) {
        b.diagnostics.append(diagnostics::make(
            "SIP002",
            handoff::uui::tr(
                "The header fits the limit of %1 measured on %2, but not if Salesforce measures %3. Where the limit "
                "applies is not documented; make room if you can.")
                .arg(number(b.limit), measureName(b.limitAppliesTo), over.join(u", "_s)),
            {u"trunk.limitAppliesTo"_s}));
    }
}

// Bytes of the RSA signature a token carries (the key's modulus size), from its third part.
std::optional<qsizetype> signatureBytes(const QString& token) {
    const QStringList parts = token.split(u'.');
    if (parts.size() != 3 || parts.at(2).isEmpty()) {
        return std::nullopt;
    }
    return parts.at(2).size() * 3 / 4;
}

qsizetype base64UrlLength(qsizetype bytes) {
    return (bytes * 4 + 2) / 3;
}

// The measured length of `json` under `profile`, by arithmetic only (what render() would give): for the many
// what-ifs of the ways out, which need the number and nothing else. TestSipHeaderBudget checks the two agree.
qsizetype measure(qsizetype jsonBytes, const TrunkUuiProfile& profile) {
    const qsizetype decoded = jsonBytes + (profile.pdMode == PdMode::Prefix ? 1 : 0);
    if (profile.limitAppliesTo == LimitAppliesTo::DecodedData) {
        return decoded;
    }
    qsizetype value = decoded * charsPerOctet(profile.encoding);
    if (profile.pdMode == PdMode::Parameter) {
        value += 6; // ";pd=XX"
    }
    if (profile.encodingParameter) {
        value += 10 + encodingKey(profile.encoding).size(); // ";encoding=" + key
    }
    for (const QString& p : profile.parameters) {
        value += 1 + p.toUtf8().size();
    }
    if (profile.limitAppliesTo == LimitAppliesTo::HeaderValue) {
        return value;
    }
    return profile.headerName.toUtf8().size() + 2 + value;
}

SipBudget fieldBudget(const ComposedUui& uui, const TrunkUuiProfile& profile, bool text) {
    SipBudget b = render(uui.json, profile, text);
    const qsizetype k = charsPerOctet(profile.encoding);
    BudgetShare braces;
    braces.kind = BudgetShare::Kind::Braces;
    braces.name = u"{}"_s;
    braces.bytes = ComposedUui::kBraceBytes;
    braces.encodedChars = ComposedUui::kBraceBytes * k;
    b.shares.append(braces);
    for (const FieldSpan& span : uui.fields) {
        BudgetShare share;
        share.kind = BudgetShare::Kind::Field;
        share.name = span.key;
        share.field = span.field;
        share.customIndex = span.customIndex;
        share.bytes = span.length;
        share.encodedChars = span.length * k;
        b.shares.append(share);
    }
    finishShares(b);
    checkEncoding(b);
    checkLimit(b);
    return b;
}

void addWaysOut(SipBudget& b, const UuiModel& model, const ComposedUui& uui) {
    const QString unit =
        b.limitAppliesTo == LimitAppliesTo::DecodedData ? handoff::uui::tr("bytes") : handoff::uui::tr("characters");
    const QString format = handoff::uui::tr("%1: saves %2 %3 (%4 -> %5 of %6)%7");
    const QString measured = number(b.measured);
    const QString limit = number(b.limit);
    const QString fits = handoff::uui::tr(", fits");
    const QString over = handoff::uui::tr(", still over");
    const QString errorStays =
        handoff::uui::tr(", under the limit, but the UUI still has an error in this trunk profile");
    // The profile's own problems stay whatever is dropped; the encoding's depend on the data that is left.
    const bool profileErrors = diagnostics::hasErrors(b.profile.validate());
    auto describe = [&](WayOut& way, const QString& what, const QByteArray* jsonAfter) {
        way.saves = b.measured - way.after;
        way.fits = way.after <= b.limit && !profileErrors &&
                   (!jsonAfter || !diagnostics::hasErrors(encodingProblems(*jsonAfter, b.profile)));
        way.message = format.arg(what, number(way.saves), unit, measured, number(way.after), limit,
                                 way.fits ? fits : (way.after <= b.limit ? errorStays : over));
    };

    for (qsizetype i = 0; i < uui.fields.size(); ++i) {
        const FieldSpan& span = uui.fields.at(i);
        if (span.field == UuiField::Scrt2Domain || span.field == UuiField::Token) {
            continue;
        }
        if (span.field == UuiField::OrgId && model.token.isEmpty()) {
            continue; // orgId is required without a token
        }
        WayOut way;
        way.kind = span.field == UuiField::OrgId ? WayOut::Kind::DropOrgId : WayOut::Kind::DropField;
        way.key = span.key;
        way.customIndex = span.customIndex;
        // Without the member, the JSON loses the bytes the member owns; when it was the first member, the next one
        // also loses its leading comma.
        const qsizetype removed = span.length + (i == 0 && uui.fields.size() > 1 ? 1 : 0);
        way.after = measure(uui.json.size() - removed, b.profile);
        // The JSON without the member, for the encoding's rules (only ascii has any, so only then is it built).
        QByteArray jsonAfter;
        if (b.profile.encoding == UuiEncoding::Ascii) {
            jsonAfter = uui.json.left(span.offset) + uui.json.mid(span.offset + span.length);
            if (i == 0 && uui.fields.size() > 1) {
                jsonAfter.remove(span.offset, 1); // the next member's leading comma
            }
        }
        const QByteArray* after = b.profile.encoding == UuiEncoding::Ascii ? &jsonAfter : nullptr;
        if (span.field == UuiField::OrgId) {
            describe(way, handoff::uui::tr("Leave orgId out: Salesforce takes the org from the token's issuer"), after);
        } else if (span.field == UuiField::Custom) {
            describe(way, handoff::uui::tr("Leave the custom parameter \"%1\" out, or shorten its value").arg(span.key),
                     after);
        } else if (span.field == UuiField::CallId) {
            describe(way, handoff::uui::tr("Leave callId out (the Omni-Channel flow then gets no partnerVoiceCallId)"),
                     after);
        } else {
            describe(way, handoff::uui::tr("Leave %1 out, or shorten it").arg(span.key), after);
        }
        b.waysOut.append(way);
    }

    // A smaller key: the signature shrinks from the current key size to 1024 bits.
    const auto sigBytes = signatureBytes(model.token);
    if (sigBytes && *sigBytes > 128) {
        const qsizetype sigChars = model.token.size() - model.token.lastIndexOf(u'.') - 1;
        // base64url needs no JSON escaping: the JSON shrinks by exactly the difference in signature characters.
        WayOut way;
        way.kind = WayOut::Kind::SmallerKey;
        way.applicable = false;
        way.after = measure(uui.json.size() - (sigChars - base64UrlLength(128)), b.profile);
        // Only the signature's base64url changes, which ascii carries: the JSON's encoding problems stay as they are.
        describe(way,
                 handoff::uui::tr("A 1024-bit RSA key instead of %1 bits gives a shorter signature, but Salesforce is "
                                  "dropping 1024-bit keys; not recommended")
                     .arg(*sigBytes * 8),
                 b.profile.encoding == UuiEncoding::Ascii ? &uui.json : nullptr);
        b.waysOut.append(way);
    }
    std::stable_sort(b.waysOut.begin(), b.waysOut.end(),
                     [](const WayOut& x, const WayOut& y) { return x.saves > y.saves; });

    // Whether dropping fields can help: the smallest UUI Salesforce accepts with this token (scrt2Domain
    // and token; orgId too when there is no token). Its size from the member spans: the kept members and the
    // braces, less the comma of the first kept member when it had one.
    qsizetype floorBytes = ComposedUui::kBraceBytes;
    bool first = true;
    for (const FieldSpan& span : uui.fields) {
        const bool keep = span.field == UuiField::Scrt2Domain || span.field == UuiField::Token ||
                          (span.field == UuiField::OrgId && model.token.isEmpty());
        if (!keep) {
            continue;
        }
        floorBytes += span.length - (first && span.offset > 1 ? 1 : 0);
        first = false;
    }
    const qsizetype floor = measure(floorBytes, b.profile);
    if (floor > b.limit) {
        const FieldSpan* token = uui.find(UuiField::Token);
        const qsizetype tokenChars = token ? token->valueLength * charsPerOctet(b.profile.encoding) : 0;
        const QString keySize =
            sigBytes ? handoff::uui::tr(" (RS256 with a %1-bit key)").arg(*sigBytes * 8) : QString();
        b.diagnostics.append(diagnostics::make(
            "SIP003",
            handoff::uui::tr(
                "Even with only scrt2Domain and the token the UUI is %1 %2, over the limit of %3: the token alone "
                "takes %4 characters in %5%6. No field left out makes it fit with this key size; only a smaller key "
                "changes that.")
                .arg(number(floor), unit, number(b.limit), number(tokenChars), encodingKey(b.profile.encoding),
                     keySize),
            {u"uui.token"_s}));
    }
}

} // namespace

qsizetype SipBudget::lengthFor(LimitAppliesTo appliesTo) const {
    switch (appliesTo) {
    case LimitAppliesTo::HeaderLine:
        return headerLineLength;
    case LimitAppliesTo::HeaderValue:
        return headerValueLength;
    case LimitAppliesTo::DecodedData:
        return decodedBytes;
    }
    return headerLineLength;
}

SipBudget budget(const UuiModel& model, const ComposedUui& uui, const TrunkUuiProfile& profile,
                 const BudgetOptions& options) {
    SipBudget b = fieldBudget(uui, profile, options.renderText);
    if (options.computeWaysOut && !b.fits() && b.limit > 0) {
        addWaysOut(b, model, uui);
    }
    return b;
}

SipBudget budget(const UuiModel& model, const TrunkUuiProfile& profile, const BudgetOptions& options) {
    return budget(model, compose(model), profile, options);
}

SipBudget budgetForData(const QByteArray& data, const TrunkUuiProfile& profile, const BudgetOptions& options) {
    SipBudget b = render(data, profile, options.renderText);
    BudgetShare share;
    share.kind = BudgetShare::Kind::Field;
    share.name = u"data"_s;
    share.bytes = data.size();
    share.encodedChars = data.size() * charsPerOctet(profile.encoding);
    b.shares.append(share);
    finishShares(b);
    checkEncoding(b);
    checkLimit(b);
    return b;
}

std::optional<QByteArray> decodeHeaderValue(const QByteArray& headerValue, const TrunkUuiProfile& profile) {
    const qsizetype semicolon = headerValue.indexOf(';');
    const QByteArray encoded = semicolon < 0 ? headerValue : headerValue.left(semicolon);
    QByteArray octets;
    if (profile.encoding == UuiEncoding::Hex) {
        if (encoded.size() % 2 != 0) {
            return std::nullopt;
        }
        for (const char c : encoded) {
            if (!std::isxdigit(static_cast<unsigned char>(c))) {
                return std::nullopt;
            }
        }
        octets = QByteArray::fromHex(encoded);
    } else {
        octets = encoded;
    }
    if (profile.pdMode == PdMode::Prefix) {
        if (octets.isEmpty() || static_cast<quint8>(octets.at(0)) != profile.protocolDiscriminator) {
            return std::nullopt;
        }
        octets.remove(0, 1);
    }
    return octets;
}

} // namespace handoff::uui
